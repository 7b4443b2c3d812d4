# --print-scenario with some flags, then load that file back: the JSON reports must be identical.
execute_process(COMMAND ${CLI} --preset scotland --prevalence 12.5 --access 40 --print-scenario
                OUTPUT_FILE ${WORK_DIR}/round_trip.json RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "--print-scenario failed with ${status}")
endif()
execute_process(COMMAND ${CLI} --preset scotland --prevalence 12.5 --access 40 --json OUTPUT_VARIABLE direct)
execute_process(COMMAND ${CLI} --scenario ${WORK_DIR}/round_trip.json --json OUTPUT_VARIABLE loaded RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT direct STREQUAL loaded)
    message(FATAL_ERROR "round trip differs (status ${status}):\n${direct}\n---\n${loaded}")
endif()
if(NOT loaded MATCHES "\"prevalence\": 12.5")
    message(FATAL_ERROR "the scenario lost its prevalence:\n${loaded}")
endif()
