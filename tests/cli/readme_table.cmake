# The README's assumption table must be exactly what `teams-needed --assumption-table` prints.
execute_process(COMMAND ${CLI} --assumption-table OUTPUT_VARIABLE table RESULT_VARIABLE status)
file(READ ${README} readme)
string(REGEX MATCH "<!-- assumption-table:begin -->\n(.*)<!-- assumption-table:end -->" found "${readme}")
if(NOT status EQUAL 0 OR NOT found)
    message(FATAL_ERROR "no assumption table in ${README} (status ${status})")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL table)
    message(FATAL_ERROR "README.md's assumption table differs from the code; paste in the output of "
                        "`teams-needed --assumption-table`:\n${table}")
endif()
