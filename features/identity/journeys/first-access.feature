@identity @journey
Feature: First access with the 16 characters
  Guides 004 and 001: at the first access with the 16-character PIN the citizen must replace it with a
  PIN of 8 characters, used from then on; until then nothing else can be done with it.

  Background:
    Given the simulator is running
    And the citizen has received both halves of the PIN, by email and by post

  @R06 @R07 @R11
  Scenario: the 16 characters lead only to choosing the 8-character PIN, which is used from then on
    When the citizen logs in with the fiscal code and the 16 characters
    Then the citizen must first replace them with a PIN of 8 characters
    And the citizen's page says the PIN must be replaced first
    When the citizen chooses "Girasol3" as the new PIN and confirms it with the code sent by email
    Then the citizen sees that the PIN has been changed
    And the citizen logs in with the new PIN, with nothing to do first
    And the 16 characters no longer open a session

  @R06
  Scenario: until the 16 characters are replaced, no service is open
    When the citizen logs in with the fiscal code and the 16 characters
    Then the citizen cannot consult the estratto conto contributivo until the PIN is replaced

  @R06 @R12
  Scenario Outline: the PIN that replaces the 16 characters must be a secure one of 8
    When the citizen logs in with the fiscal code and the 16 characters
    And the citizen chooses "<new PIN>" as the new PIN
    Then the new PIN is refused as not secure, because of "<reason>"

    Examples:
      | new PIN    | reason                 |
      | Girasole12 | length                 |
      | Gira7      | length                 |
      | 86753091   | needs-letter-and-digit |

  @R05 @R06
  Scenario: 16 characters left unused for more than 90 days no longer open a session
    When 91 days pass
    And the citizen logs in with the 16 characters but one character wrong
    Then the citizen is told that the fiscal code or the PIN is wrong
    When 3 minutes pass
    And the citizen logs in with the fiscal code and the 16 characters
    Then the citizen is told that the initial PIN has expired and a new one is needed

  @R05
  Scenario: on day 90 exactly the 16 characters have expired; a minute before, they still opened a session
    When the clock reaches 1 minute before the end of the 90 days from the request
    And the citizen logs in with the fiscal code and the 16 characters
    Then the citizen must first replace them with a PIN of 8 characters
    When the clock reaches the end of the 90 days from the request
    And the citizen logs in with the fiscal code and the 16 characters
    Then the citizen is told that the initial PIN has expired and a new one is needed

  @R02 @R03
  Scenario: the messages with the two halves speak of caratteri, never of cifre
    Then the email and the letter with the halves speak of caratteri, never of cifre

  @R06 @R11
  Scenario: the verification code at first access is sent for the first-access page, not the settings
    When the citizen logs in with the fiscal code and the 16 characters
    And the citizen chooses "Girasol3" as the new PIN
    Then the email with the verification code names the first access, not the settings page
