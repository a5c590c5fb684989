@stack @clock
Feature: Simulated time
  Rules with deadlines (90 days to activate, 3 minutes of lockout, 180 days of PIN life)
  are tested by moving the simulator's clock, never by waiting.

  Scenario: moving the clock moves the whole stack
    Given the simulator is running
    When the tester notes the simulated time
    And 91 days pass
    Then the simulated time is 91 days later than noted
    And every gateway shows the same simulated time as the identity service

  Scenario Outline: time passes in the units a rule speaks of
    Given the simulator is running
    When the tester notes the simulated time
    And <amount> <unit> pass
    Then the simulated time is <amount> <unit> later than noted

    Examples:
      | amount | unit    |
      | 3      | minutes |
      | 180    | days    |
      | 6      | months  |

  Scenario: the clock never goes backwards
    Given the simulator is running
    When the tester notes the simulated time
    And someone tries to turn the simulated clock back by 1 day
    Then the simulator refuses because time never goes backwards
    And the simulated time is 0 seconds later than noted
