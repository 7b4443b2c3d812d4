// The per-frame list of controls drawn (see controls.h): recording, the page's requests, and the
// update message for the DOM layer. Plain Dear ImGui; no Emscripten here.
#include "controls.h"

#include "imgui_internal.h"

#include "json_writer.h"

#include <algorithm>
#include <cmath>

namespace {

const char* RoleName(ControlRole role) {
    switch (role) {
    case ControlRole::Slider:
        return "slider";
    case ControlRole::Button:
        return "button";
    case ControlRole::Select:
        return "select";
    case ControlRole::Disclosure:
        return "disclosure";
    case ControlRole::Heading:
        return "heading";
    case ControlRole::Image:
        return "img";
    case ControlRole::Link:
        return "link";
    }
    return "button";
}

// Whole CSS pixels: sub-pixel layout noise must not make every frame a DOM change.
float Px(float v) {
    return std::round(v);
}

std::string ControlJson(const Control& c) {
    teams::JsonWriter j;
    j.Object().Field("key", c.key).Field("role", RoleName(c.role)).Field("name", c.name);
    if (!c.value_text.empty()) j.Field("text", c.value_text);
    if (!c.description.empty()) j.Field("description", c.description);
    if (c.role == ControlRole::Slider)
        j.Field("value", static_cast<double>(c.value))
            .Field("min", static_cast<double>(c.min))
            .Field("max", static_cast<double>(c.max))
            .Field("step", static_cast<double>(c.step));
    if (c.role == ControlRole::Select) j.Field("value", static_cast<double>(c.value)).Key("options").Strings(c.options);
    if (c.role == ControlRole::Disclosure) j.Field("expanded", c.expanded);
    if (c.role == ControlRole::Heading) j.Field("level", static_cast<double>(c.level));
    if (c.role == ControlRole::Link) j.Field("href", c.href);
    j.Key("rect").Array();
    for (const float v : {Px(c.rect.x), Px(c.rect.y), Px(c.rect.width), Px(c.rect.height)}) j.Number(v);
    j.End();
    if (c.focused) j.Field("focused", true);
    return j.End().Text();
}

// The content rectangle of a screen-space box in a window at `window` scrolled by `scroll` (the
// page's window, which the page scrolls).
ContentRect ToContent(ImVec2 min, ImVec2 max, ImVec2 window, float scroll) {
    ContentRect rect;
    rect.x = min.x - window.x;
    rect.y = min.y - window.y + scroll;
    rect.width = max.x - min.x;
    rect.height = max.y - min.y;
    return rect;
}

ControlRequest TakeRequest(ControlList& list, const std::string& key) {
    ControlRequest answer;
    for (auto it = list.requests.begin(); it != list.requests.end();) {
        if (it->key != key) {
            ++it;
            continue;
        }
        // Focus is applied here; the last other request for the control is the caller's to act on.
        if (it->request.action != ControlAction::Focus) answer = it->request;
        it = list.requests.erase(it);
    }
    return answer;
}

bool HasFocusRequest(const ControlList& list, const std::string& key) {
    return std::any_of(list.requests.begin(), list.requests.end(), [&](const ControlList::PendingRequest& r) {
        return r.key == key && r.request.action == ControlAction::Focus;
    });
}

} // namespace

const Control* ControlList::Find(const std::string& key) const {
    for (const Control& c : controls)
        if (c.key == key) return &c;
    return nullptr;
}

const Control* ControlList::FindAt(const std::string& prefix, float x, float y) const {
    for (const Control& c : controls) {
        if (c.key.compare(0, prefix.size(), prefix) != 0) continue;
        const ContentRect& r = c.rect;
        if (x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height) return &c;
    }
    return nullptr;
}

void ControlList::Request(const std::string& key, ControlRequest request) {
    if (requests.size() >= 64) requests.erase(requests.begin()); // a flood from the page stays bounded
    requests.push_back({key, request});
}

void ControlList::BeginFrame() {
    controls.clear();
}

void ControlList::EndFrame() {
    requests.clear(); // for controls not drawn this frame
    // Focus may have moved to a later control during the frame: the list states where it ended.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (Control& c : controls)
        c.focused = c.id != 0 && c.id == g.NavId;
}

ControlRequest RecordControl(ControlList& list, Control control) {
    return RecordControlArea(list, std::move(control), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                             ImGui::GetItemID());
}

namespace {

ControlRequest Record(ControlList& list, Control control, ContentRect rect, float scroll, ImGuiID id) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    control.id = id;
    control.rect = rect;

    // DOM focus arrived on this control's stand-in: ImGui's keyboard focus and ring follow.
    if (id != 0 && HasFocusRequest(list, control.key)) {
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        g.NavDisableHighlight = false;
        g.NavDisableMouseHover = true;
        list.last_focus_id = id; // the page scrolled the stand-in into view already
    }
    control.focused = id != 0 && g.NavId == id && g.NavWindow == ImGui::GetCurrentWindow();

    // Keyboard focus moved here (ImGui's own navigation) while off screen: ask the page to scroll.
    if (control.focused && g.NavId != list.last_focus_id) {
        list.last_focus_id = g.NavId;
        const float view_height = ImGui::GetIO().DisplaySize.y;
        const ContentRect& r = control.rect;
        if (!g.NavDisableHighlight && (r.y < scroll || r.y + r.height > scroll + view_height))
            list.scroll_request = std::max(0.0f, r.y - view_height * 0.3f);
    }
    const ControlRequest request = TakeRequest(list, control.key);
    list.controls.push_back(std::move(control));
    return request;
}

} // namespace

ControlRequest RecordControlArea(ControlList& list, Control control, ImVec2 min, ImVec2 max, ImGuiID id) {
    const float scroll = ImGui::GetScrollY();
    return Record(list, std::move(control), ToContent(min, max, ImGui::GetWindowPos(), scroll), scroll, id);
}

ControlRequest RecordPopupItem(ControlList& list, Control control, ImVec2 owner_pos, float owner_scroll) {
    const ContentRect rect = ToContent(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), owner_pos, owner_scroll);
    return Record(list, std::move(control), rect, owner_scroll, ImGui::GetItemID());
}

std::string ControlUpdateJson(const ControlList& list, std::vector<std::pair<std::string, std::string>>& sent) {
    bool same_order = sent.size() == list.controls.size();
    for (std::size_t i = 0; same_order && i < sent.size(); ++i)
        same_order = sent[i].first == list.controls[i].key;
    std::vector<std::pair<std::string, std::string>> now;
    now.reserve(list.controls.size());
    std::string changed;
    for (std::size_t i = 0; i < list.controls.size(); ++i) {
        const Control& c = list.controls[i];
        std::string json = ControlJson(c);
        const std::string* before = nullptr;
        if (same_order) {
            before = &sent[i].second;
        } else {
            for (const auto& [key, text] : sent)
                if (key == c.key) before = &text;
        }
        if (!before || *before != json) changed += (changed.empty() ? "" : ",") + json;
        now.emplace_back(c.key, std::move(json));
    }
    if (same_order && changed.empty()) return "";
    std::string message = "{";
    if (!same_order) {
        teams::JsonWriter order;
        order.Array();
        for (const Control& c : list.controls)
            order.String(c.key);
        message += "\"order\":" + order.End().Text() + ",";
    }
    message += "\"set\":[" + changed + "]}";
    sent = std::move(now);
    return message;
}

std::string ControlListJson(const ControlList& list) {
    std::string json = "[";
    for (const Control& c : list.controls)
        json += (json.size() > 1 ? "," : "") + ControlJson(c);
    return json + "]";
}

ControlAction ControlActionFromName(const std::string& name) {
    if (name == "press") return ControlAction::Press;
    if (name == "focus") return ControlAction::Focus;
    if (name == "step") return ControlAction::Step;
    if (name == "set") return ControlAction::SetValue;
    if (name == "select") return ControlAction::Select;
    if (name == "open") return ControlAction::OpenField;
    return ControlAction::None;
}
