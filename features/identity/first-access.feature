@identity
Feature: First access with the 16-character PIN
  At the first access with the 16 characters the citizen must replace them with a PIN of 8 characters,
  used from then on. An initial PIN left unused for 90 days can no longer be used.

  Background:
    Given the simulator is running
    And I have received both halves of my PIN

  @R06 @R07
  Scenario: the 16 characters must be replaced by my own 8-character PIN
    When I log in with my fiscal code and the 16 characters
    Then I am asked to choose a new PIN of 8 characters before anything else
    When I choose "Brezza7K" as my new PIN and confirm it
    And I confirm the change with the code sent to my email
    Then my PIN is changed
    And logging in with the 16 characters no longer works
    When 3 minutes pass
    And I log in with "Brezza7K"
    Then I am logged in with nothing to do first

  @R05
  Scenario: the 16 characters left unused for 91 days no longer open a session
    When 91 days pass
    And I log in with my fiscal code and the 16 characters
    Then I am told that my initial PIN has expired
