# Assembles the static site (cmake -P): shell/ files, teams.js and teams.wasm, and index.html with the
# no-WebGL/no-WebAssembly fallback filled in from the native `teams-needed` CLI, so the fallback's
# estimate and the calculator's come from the same library.
# Inputs: SHELL_DIR, SITE_DIR, APP_JS, APP_WASM, BRIEF_JS (the printed brief's module), TEAMS_NEEDED_EXE;
# TEAMS_SITE_URL (optional: the previews' absolute og:image and og:url); FONT_FILES (the Inter subsets, which
# the summary picture loads on demand).
cmake_minimum_required(VERSION 3.20)

foreach(input SHELL_DIR SITE_DIR APP_JS APP_WASM BRIEF_JS)
    if(NOT DEFINED ${input} OR "${${input}}" STREQUAL "")
        message(FATAL_ERROR "make_site.cmake: ${input} is not set")
    endif()
endforeach()
if(NOT TEAMS_NEEDED_EXE OR NOT EXISTS "${TEAMS_NEEDED_EXE}")
    message(FATAL_ERROR "make_site.cmake: the native teams-needed CLI is needed for the fallback text; "
                        "build it first (cmake --build --preset native) and configure with "
                        "-DTEAMS_NEEDED_EXE=<path to build/native/teams-needed> (got '${TEAMS_NEEDED_EXE}')")
endif()

function(html_escape out text)
    string(REPLACE "&" "&amp;" text "${text}")
    string(REPLACE "<" "&lt;" text "${text}")
    string(REPLACE ">" "&gt;" text "${text}")
    string(REPLACE "\"" "&quot;" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The default estimate, in numbers and as the CLI's readable report with the working.
execute_process(COMMAND "${TEAMS_NEEDED_EXE}" --json OUTPUT_VARIABLE report_json RESULT_VARIABLE json_status)
execute_process(COMMAND "${TEAMS_NEEDED_EXE}" OUTPUT_VARIABLE report_text RESULT_VARIABLE text_status)
if(NOT json_status EQUAL 0 OR NOT text_status EQUAL 0)
    message(FATAL_ERROR "make_site.cmake: ${TEAMS_NEEDED_EXE} failed (${json_status}, ${text_status})")
endif()
string(JSON teams_whole GET "${report_json}" results teams_needed_whole)
string(JSON area GET "${report_json}" scenario area)
# The link keys that set scenario values (first_paint.js: such a link shows no default answer).
set(TEAMS_SCENARIO_KEYS "preset name area")
string(JSON assumption_count LENGTH "${report_json}" scenario assumptions)
math(EXPR last_assumption "${assumption_count} - 1")
foreach(i RANGE ${last_assumption})
    string(JSON key MEMBER "${report_json}" scenario assumptions ${i})
    string(APPEND TEAMS_SCENARIO_KEYS " ${key}")
endforeach()

string(FIND "${report_text}" "\n" first_break)
string(SUBSTRING "${report_text}" 0 ${first_break} headline)
math(EXPR rest_start "${first_break} + 1")
string(SUBSTRING "${report_text}" ${rest_start} -1 working)
string(STRIP "${working}" working)
if(NOT headline MATCHES " ${teams_whole} ")
    message(FATAL_ERROR "make_site.cmake: the report's first line does not state ${teams_whole} teams: ${headline}")
endif()

# Link previews (og: and twitter: tags) show the default's answer, whatever scenario a link carries:
# a preview is fetched without running the page.
set(TEAMS_PAGE_TITLE "${area} needs ${teams_whole} teams · Parent-infant teams calculator")
string(JSON teams_today ERROR_VARIABLE no_today GET "${report_json}" scenario assumptions current_teams)
set(TEAMS_OG_DESCRIPTION "${headline}")
if(NOT no_today)
    string(APPEND TEAMS_OG_DESCRIPTION " Against ${teams_today} teams across the UK today. Change any assumption for your area.")
endif()
set(TEAMS_OG_IMAGE "og-card.png")
set(TEAMS_OG_URL_TAG "")
if(TEAMS_SITE_URL)
    set(TEAMS_OG_IMAGE "${TEAMS_SITE_URL}og-card.png")
    html_escape(site_url "${TEAMS_SITE_URL}")
    set(TEAMS_OG_URL_TAG "<meta property=\"og:url\" content=\"${site_url}\">")
endif()
html_escape(TEAMS_PAGE_TITLE "${TEAMS_PAGE_TITLE}")
html_escape(TEAMS_OG_DESCRIPTION "${TEAMS_OG_DESCRIPTION}")
html_escape(TEAMS_OG_IMAGE "${TEAMS_OG_IMAGE}")

html_escape(headline "${headline}")
html_escape(working "${working}")
html_escape(area "${area}")
string(REPLACE " ${teams_whole} " " <strong>${teams_whole}</strong> " headline "${headline}")
set(TEAMS_FALLBACK_HTML
"    <p class=\"fallback-headline\">${headline}</p>
    <p>The working, with the source of every figure (default assumptions for ${area}):</p>
    <pre>${working}</pre>")
set(TEAMS_FALLBACK_HTML_NOSCRIPT "${TEAMS_FALLBACK_HTML}")
# The same answer, as the page shows it while the module loads: marked as the default's, hidden for
# a link with its own values (style.css, .own-values).
set(TEAMS_FALLBACK_HTML
"    <div class=\"fallback-answer\">
${TEAMS_FALLBACK_HTML}
    </div>")

# Copy the shell's files and the module, then write index.html last (it marks the site complete).
file(MAKE_DIRECTORY "${SITE_DIR}")
file(GLOB shell_files LIST_DIRECTORIES false "${SHELL_DIR}/*")
foreach(file IN LISTS shell_files)
    get_filename_component(name "${file}" NAME)
    # card_draw.js is part of brief.js (linked with --post-js), not a file of the site.
    if(NOT name STREQUAL "index.html" AND NOT name STREQUAL "card_draw.js")
        file(COPY "${file}" DESTINATION "${SITE_DIR}")
    endif()
endforeach()
file(COPY "${APP_JS}" "${APP_WASM}" "${BRIEF_JS}" ${FONT_FILES} DESTINATION "${SITE_DIR}")
configure_file("${SHELL_DIR}/index.html" "${SITE_DIR}/index.html" @ONLY)
