@identity @journey
Feature: The PIN by post first, the second half only after activation (profile post-then-activate)
  Guide 002: the first part of the PIN arrives by post with the instructions; the citizen activates it
  ("Gestisci il tuo PIN" → "Attiva PIN") with the codice fiscale and the data of the tessera sanitaria,
  and only then is the second part sent. The PIN must be activated within 90 days.

  Background:
    Given the simulator is running

  @R01 @R02 @R03 @R04 @R06 @ui
  Scenario: first half by letter, activation with the tessera sanitaria, second half by email
    When the citizen asks online for a PIN, with the first half by post
    Then INPS accepts the request, to be activated within 90 days
    And a letter with the first half and the instructions to activate the PIN is posted to the citizen's residence
    And the second half of the PIN has not been sent to the citizen
    When 2 weeks pass
    Then the citizen finds the letter with the first half in the letterbox
    When the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria
    Then the activation is accepted
    And the second half of the PIN reaches the citizen by email
    And the two halves together make a PIN of 16 letters and digits, unique to the citizen
    When the citizen logs in with the fiscal code and the 16 characters
    Then the citizen must first replace them with a PIN of 8 characters

  @R04 @R06 @R09 @R11 @ui
  Scenario: from the letter to a PIN of 8 characters, then a change confirmed with a code
    When the citizen asks online for a PIN, with the first half by post
    Then a letter with the first half and the instructions to activate the PIN is posted to the citizen's residence
    When 2 weeks pass
    Then the citizen finds the letter with the first half in the letterbox
    When the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria
    Then the second half of the PIN reaches the citizen by email
    When the citizen logs in with the fiscal code and the 16 characters
    Then the citizen must first replace them with a PIN of 8 characters
    When the citizen chooses "Girasol3" as the new PIN and confirms it with the code sent by email
    Then the citizen sees that the PIN has been changed
    And the citizen logs in with the new PIN, with nothing to do first
    When the citizen enters the current PIN "Girasol3", the new PIN "Prato8Zk" and again "Prato8Zk"
    And the citizen enters the verification code received by email
    Then the citizen sees that the PIN has been changed
    And the citizen logs in with the new PIN, with nothing to do first
    And the old PIN "Girasol3" no longer opens a session

  @R04
  Scenario Outline: an activation with <wrong detail> is refused without saying which detail was wrong
    Given the citizen has the letter with the first half of a PIN requested by post
    When the citizen activates the PIN giving <wrong detail>
    Then the activation is refused without naming the detail that was wrong
    And the second half of the PIN has not been sent to the citizen

    Examples:
      | wrong detail                            |
      | a health card number that is not theirs |
      | a wrong expiry date of the health card  |
      | a first half with one character wrong   |

  @R04
  Scenario: every wrong detail gets the same answer, so none gives away which one was wrong
    Given the citizen has the letter with the first half of a PIN requested by post
    When the citizen activates the PIN giving a health card number that is not theirs
    And the citizen activates the PIN giving a wrong expiry date of the health card
    And the citizen activates the PIN giving a first half with one character wrong
    Then the 3 refusals are the same
    When the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria
    Then the activation is accepted

  @R04 @R05
  Scenario Outline: activating on day <day> after the request
    Given the citizen has the letter with the first half of a PIN requested by post
    When it is day <day> after the citizen's request
    And the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria
    Then <outcome>

    Examples:
      | day | outcome                                                                      |
      | 89  | the second half of the PIN reaches the citizen by email                      |
      | 91  | the citizen is told that the initial PIN has expired and a new one is needed |

  @R05
  Scenario: on day 91 only the citizen with the right data learns that the PIN has expired
    Given the citizen has the letter with the first half of a PIN requested by post
    When it is day 91 after the citizen's request
    And the citizen activates the PIN giving a health card number that is not theirs
    Then the activation is refused without naming the detail that was wrong
    When the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria
    Then the citizen is told that the initial PIN has expired and a new one is needed
    And the second half of the PIN has not been sent to the citizen
    And the citizen can ask for a new PIN
