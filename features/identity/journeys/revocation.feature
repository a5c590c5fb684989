@identity @journey
Feature: Revoking the PIN, online or through the contact centre
  Guides 001 and 003: a citizen who lost the initial PIN (a half by SMS or email and the one by post), who
  can no longer reach the registered mobile and email, or who lost the PIN and cannot recover it, revokes
  it so that nobody else can use it. Online the citizen gives the codice fiscale, the data of the tessera
  sanitaria and the registered email or PEC; the contact centre (803 164 from landlines, 06 164 164 from
  mobiles) can revoke it too. Revocation closes the account: a new PIN is then requested from scratch.

  Background:
    Given the simulator is running

  @R22 @R23 @R24 @ui
  Scenario: a PIN revoked online, then a new PIN requested from scratch
    Given a citizen whose PIN is "Vento3Lu"
    When the citizen revokes the PIN online with the fiscal code, the tessera sanitaria and the registered email
    Then the citizen is told that the PIN has been revoked
    And an email in Italian confirms the revocation and gives the contact centre's numbers
    And the old PIN "Vento3Lu" no longer opens a session
    When the citizen asks online for a PIN, with the first half by email
    Then INPS accepts the request, to be activated within 90 days
    And the first half of the PIN reaches the citizen by email
    When 2 weeks pass
    Then the citizen finds the letter with the second half in the letterbox
    And the two halves together make a PIN of 16 letters and digits, unique to the citizen
    When the citizen logs in with the fiscal code and the 16 characters
    Then the citizen must first replace them with a PIN of 8 characters

  @R23
  Scenario Outline: a revocation giving <wrong detail> is refused and the PIN keeps working
    Given a citizen whose PIN is "Vento3Lu"
    When the citizen revokes the PIN online giving <wrong detail>
    Then the revocation is refused without saying which detail was wrong
    And the citizen's PIN is still "Vento3Lu"

    Examples:
      | wrong detail                            |
      | a health card number that is not theirs |
      | an email that is not registered         |

  @R22 @R23
  Scenario: a fiscal code INPS does not know gets the same refusal as a wrong detail
    Given a citizen whose PIN is "Vento3Lu"
    When the citizen revokes the PIN online giving a health card number that is not theirs
    And someone tries to revoke a PIN online for a fiscal code INPS does not know
    Then the two refusals are the same

  @R24
  Scenario: a session open during the revocation stops working at once
    Given a citizen whose PIN is "Vento3Lu"
    And the citizen has logged in with the PIN
    When the citizen revokes the PIN online with the fiscal code, the tessera sanitaria and the registered email
    Then the session no longer opens the citizen's page

  @R22 @R24
  Scenario: a half that arrives after the revocation does not activate anything
    When the citizen asks online for a PIN, with the first half by post
    Then a letter with the first half and the instructions to activate the PIN is posted to the citizen's residence
    When the citizen revokes the PIN online with the fiscal code, the tessera sanitaria and the registered email
    And 2 weeks pass
    Then the citizen finds the letter with the first half in the letterbox
    When the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria
    Then the activation is refused without naming the detail that was wrong
    And the second half of the PIN has not been sent to the citizen

  @R23 @R26
  Scenario: without a tessera sanitaria on record the citizen is sent to the contact centre
    Given a citizen without a tessera sanitaria on record, whose PIN is "Vento3Lu"
    When the citizen revokes the PIN online with the fiscal code, the tessera sanitaria and the registered email
    Then the revocation is refused, and the answer gives the contact centre's numbers 803 164 and 06 164 164
    And the citizen's PIN is still "Vento3Lu"

  @R23 @R26
  Scenario: the contact centre revokes the PIN on the caller's behalf
    Given a citizen whose PIN is "Vento3Lu"
    And the citizen has logged in with the PIN
    When the citizen phones the contact centre and an operator revokes the PIN on the citizen's behalf
    Then the operator is told that the PIN has been revoked
    And an email in Italian confirms the revocation and gives the contact centre's numbers
    And the session no longer opens the citizen's page
    And the old PIN "Vento3Lu" no longer opens a session
    And the citizen's timeline shows the revocation, with the id of the operator who made it
