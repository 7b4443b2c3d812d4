// The pictures section (see pictures.h): headings and the three charts of charts.cpp.
#include "pictures.h"

#include "charts.h"
#include "widgets.h"

void DrawPictures(AppState& state, float width) {
    Heading(state, "Today against the need");
    DrawGapChart(state, width);
    ImGui::Spacing();
    ImGui::Spacing();
    Heading(state, "Scaling up");
    DrawPathChart(state, width, 220);
    ImGui::Spacing();
    ImGui::Spacing();
    Heading(state, "100 babies");
    DrawBabiesChart(state, width);
}
