@stack
Feature: The simulator starts as one stack
  A tester starts the simulator and finds the identity service and the three gateways
  that catch every message a citizen would receive.

  Scenario Outline: every service of the stack answers
    Given the simulator is running
    Then the <service> reports that it is healthy

    Examples:
      | service          |
      | identity service |
      | SMS gateway      |
      | mail gateway     |
      | postal gateway   |

  Scenario: every scenario has a citizen of its own
    Given the simulator is running
    Then the citizen has a valid fiscal code that matches their personal data
    And the citizen's mobile number is an Italian mobile
