@identity @journey
Feature: Entering with SPID
  Since 15 March 2016 the INPS services also accept SPID credentials. A SPID identity of level 2 or higher
  counts as a PIN dispositivo for applications; level 1 as an ordinary PIN. The simulator plays a test identity
  provider: it authenticates the citizen at the level asked and gives the assertion INPS checks.

  Background:
    Given the simulator is running
    And a citizen whose PIN is "Gatto7Bl"

  @R33 @R35 @stack-in-2016
  Scenario: SPID is refused before 15 March 2016 and accepted from that day
    Given the simulated date is 14 March 2016
    When the citizen logs in with SPID of level 2
    Then the login is refused because SPID is not available yet
    When 1 day passes
    And the citizen logs in with SPID of level 2
    Then the citizen is logged in with SPID of level 2

  @R33 @R35
  Scenario: SPID of level 1 reads the consultation documents but cannot submit an application
    When the citizen logs in with SPID of level 1
    Then the citizen is logged in with SPID of level 1
    And the citizen reads the Certificazione Unica, the pension slip, the contribution years and the status of applications
    When the citizen applies for NASpI
    Then the application is refused because it needs a PIN dispositivo, saying how to convert the PIN

  @R35
  Scenario: SPID of level 2 submits an application although the PIN is ordinary
    When the citizen logs in with SPID of level 2
    Then the citizen applies for NASpI and the application appears in the status of applications

  @R33
  Scenario: SPID does not depend on the PIN: a PIN blocked by a wrong attempt does not stop it
    When the citizen logs in with the PIN but one character wrong
    Then the citizen is told that the fiscal code or the PIN is wrong
    When the citizen logs in with SPID of level 1
    Then the citizen reads the Certificazione Unica, the pension slip, the contribution years and the status of applications

  @R33
  Scenario: an assertion opens one session only
    When the citizen logs in with SPID of level 2
    And someone presents the same SPID assertion again
    Then the login is refused because the assertion was already used
