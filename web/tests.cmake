# The web front end's tests, included by the root CMakeLists.txt. `make test` builds the front end
# into ${CMAKE_BINARY_DIR}/web before running CTest; the browser tests start the kechuang binary
# and Debian's chromium, and fail (never skip) when either is missing.
find_program(KC_NODE node)
if(NOT KC_NODE)
  message(WARNING "node not found: the web tests will fail; run scripts/install-deps.sh")
  set(KC_NODE node)
endif()

set(KC_WEB_TEST_ENV
  "KC_BINARY=${CMAKE_BINARY_DIR}/kechuang"
  "KC_WEB_DIR=${CMAKE_BINARY_DIR}/web"
  "KC_ARTIFACTS=${CMAKE_BINARY_DIR}/test-artifacts")

add_test(NAME web_unit
  COMMAND ${KC_NODE} --test ${CMAKE_SOURCE_DIR}/web/tests/unit/i18n.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/budget.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/news.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/criteria.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/importColumns.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/time.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/notificationText.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/regions.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/error-codes.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/session-roles.test.mjs
          ${CMAKE_SOURCE_DIR}/web/tests/unit/network.test.mjs
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/web)
set_tests_properties(web_unit PROPERTIES ENVIRONMENT "${KC_WEB_TEST_ENV}" TIMEOUT 60 LABELS web)

# Two browser tests: the user journeys (web_browser) and the interface checks of every page, time
# zone and admin area (web_browser_ux: the ux-*.test.mjs files), each within its own timeout.
file(GLOB KC_WEB_E2E CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/tests/e2e/*.test.mjs)
file(GLOB KC_WEB_E2E_UX CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/tests/e2e/ux-*.test.mjs)
list(REMOVE_ITEM KC_WEB_E2E ${KC_WEB_E2E_UX})
add_test(NAME web_browser
  COMMAND ${KC_NODE} --test --test-concurrency=1 ${KC_WEB_E2E}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/web)
set_tests_properties(web_browser PROPERTIES ENVIRONMENT "${KC_WEB_TEST_ENV}" TIMEOUT 600
                     LABELS web)
add_test(NAME web_browser_ux
  COMMAND ${KC_NODE} --test --test-concurrency=1 ${KC_WEB_E2E_UX}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/web)
set_tests_properties(web_browser_ux PROPERTIES ENVIRONMENT "${KC_WEB_TEST_ENV}" TIMEOUT 900
                     LABELS web)
