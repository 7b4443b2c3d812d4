# Writes the presets of assets/presets.json as C++ constants (src/presets_data.h's records), so the
# calculator starts without parsing JSON. Runs at configure time; a malformed file stops the build with
# a message naming the preset and the field.
#
#   teams_presets_to_cpp(<presets.json> <output.cpp>)

function(_teams_cpp_text out text where)
    if(text MATCHES "\\)~preset~\"")
        message(FATAL_ERROR "${where}: the text contains )~preset~\" and cannot be written as C++")
    endif()
    set(${out} "R\"~preset~(${text})~preset~\"" PARENT_SCOPE)
endfunction()

# Stops with "<where> must be <article> <name>" unless the value at the path after `where` has that
# JSON type.
function(_teams_require_type json where type name)
    string(JSON found ERROR_VARIABLE error TYPE "${json}" ${ARGN})
    if(error OR NOT found STREQUAL type)
        message(FATAL_ERROR "presets.json: ${where} must be ${name}")
    endif()
endfunction()

function(_teams_preset_string out json where)
    _teams_require_type("${json}" "${where}" STRING "a string" ${ARGN})
    string(JSON text GET "${json}" ${ARGN})
    _teams_cpp_text(cpp "${text}" "presets.json: ${where}")
    set(${out} "${cpp}" PARENT_SCOPE)
endfunction()

# The member names of the object at the path given after `where` (a key with ';' is refused: it is
# no assumption's, and CMake's lists could not carry it).
function(_teams_object_keys out json where)
    _teams_require_type("${json}" "${where}" OBJECT "an object" ${ARGN})
    string(JSON count LENGTH "${json}" ${ARGN})
    set(keys "")
    if(count GREATER 0)
        math(EXPR last "${count} - 1")
        foreach(j RANGE ${last})
            string(JSON key MEMBER "${json}" ${ARGN} ${j})
            if(key MATCHES ";")
                message(FATAL_ERROR "presets.json: ${where}: \"${key}\" is not an assumption's key")
            endif()
            list(APPEND keys "${key}")
        endforeach()
    endif()
    set(${out} "${keys}" PARENT_SCOPE)
endfunction()

# Appends `const TYPE NAME[] = {ROWS};` to the variable named by `arrays_var` and sets `ref_var` to
# "NAME, count" for a record, or "nullptr, 0" when there are no rows (C++ has no empty arrays).
function(_teams_cpp_array arrays_var ref_var type name rows keys)
    list(LENGTH keys count)
    if(count EQUAL 0)
        set(${ref_var} "nullptr, 0" PARENT_SCOPE)
        return()
    endif()
    set(${arrays_var} "${${arrays_var}}const ${type} ${name}[] = {\n${rows}};\n" PARENT_SCOPE)
    set(${ref_var} "${name}, ${count}" PARENT_SCOPE)
endfunction()

function(teams_presets_to_cpp input output)
    file(READ "${input}" json)
    string(JSON count ERROR_VARIABLE error LENGTH "${json}" presets)
    if(error)
        message(FATAL_ERROR "presets.json: no \"presets\" list (${error})")
    endif()
    set(arrays "")
    set(records "")
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
        _teams_preset_string(id "${json}" "preset ${i}: id" presets ${i} id)
        _teams_preset_string(label "${json}" "preset ${i}: label" presets ${i} label)
        _teams_preset_string(area "${json}" "preset ${i}: area" presets ${i} area)
        _teams_preset_string(note "${json}" "preset ${i}: note" presets ${i} note)

        # assumptions: { "key": number or null, ... }
        _teams_object_keys(keys "${json}" "preset ${i}: assumptions" presets ${i} assumptions)
        set(values "")
        foreach(key IN LISTS keys)
            _teams_cpp_text(key_cpp "${key}" "presets.json: preset ${i}: a key")
            # null means "not known" (a count nobody has published); presets.cpp accepts it only
            # for the assumptions that can be unknown, and the tests check that.
            string(JSON type ERROR_VARIABLE error TYPE "${json}" presets ${i} assumptions ${key})
            if(type STREQUAL "NULL")
                string(APPEND values "    {${key_cpp}, 0.0, false},\n")
                continue()
            endif()
            _teams_require_type("${json}" "preset ${i}: assumptions.${key}" NUMBER "a number or null" presets ${i} assumptions ${key})
            string(JSON value GET "${json}" presets ${i} assumptions ${key})
            if(NOT value MATCHES "[.eE]")
                string(APPEND value ".0")
            endif()
            string(APPEND values "    {${key_cpp}, ${value}, true},\n")
        endforeach()
        _teams_cpp_array(arrays values_ref PresetValueRecord kValues${i} "${values}" "${keys}")

        # sources: { "key": { "source": text, "confidence": text, "url": text (optional) }, ... }
        _teams_object_keys(keys "${json}" "preset ${i}: sources" presets ${i} sources)
        set(sources "")
        foreach(key IN LISTS keys)
            _teams_cpp_text(key_cpp "${key}" "presets.json: preset ${i}: a key")
            _teams_preset_string(source "${json}" "preset ${i}: sources.${key}.source" presets ${i} sources ${key} source)
            _teams_preset_string(confidence "${json}" "preset ${i}: sources.${key}.confidence"
                                 presets ${i} sources ${key} confidence)
            set(url "R\"~preset~()~preset~\"")
            string(JSON url_type ERROR_VARIABLE url_error TYPE "${json}" presets ${i} sources ${key} url)
            if(NOT url_error)
                _teams_preset_string(url "${json}" "preset ${i}: sources.${key}.url" presets ${i} sources ${key} url)
            endif()
            string(APPEND sources "    {${key_cpp}, ${source}, ${confidence}, ${url}},\n")
        endforeach()
        _teams_cpp_array(arrays sources_ref PresetSourceRecord kSources${i} "${sources}" "${keys}")

        string(APPEND records "    {${id},\n     ${label},\n     ${area},\n     ${note},\n     ${values_ref}, ${sources_ref}},\n")
    endforeach()

    set(text "// assets/presets.json as C++ constants, written by cmake/presets_to_cpp.cmake at configure time.\n")
    string(APPEND text "#include \"presets_data.h\"\n\nnamespace teams {\n\nnamespace {\n\n${arrays}\n} // namespace\n\n")
    string(APPEND text "const PresetRecord kPresetRecords[] = {\n${records}};\n")
    string(APPEND text "const std::size_t kPresetRecordCount = ${count};\n\n} // namespace teams\n")
    set(old "")
    if(EXISTS "${output}")
        file(READ "${output}" old)
    endif()
    if(NOT old STREQUAL text) # rewritten only when it changes, so nothing rebuilds for nothing
        file(WRITE "${output}" "${text}")
    endif()
endfunction()
