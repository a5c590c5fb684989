@identity @journey
Feature: Changing the PIN in Impostazioni → Sicurezza/PIN
  Guide 000: after login the citizen enters the current PIN, the new PIN and the new PIN again, and
  saves. A code sent to the registered email confirms the change, a confirmation is shown, and the next
  login uses the new PIN. The new PIN has 8 letters and digits, secure and unique (guides 000, 001).

  Background:
    Given the simulator is running
    And a citizen whose PIN is "Vento3Lu"
    And the citizen has logged in with the PIN

  @R09 @R11 @R12 @ui
  Scenario: a change confirmed with the code from the email
    Given the citizen is also logged in on another device
    When the citizen enters the current PIN "Vento3Lu", the new PIN "Prato8Zk" and again "Prato8Zk"
    Then the citizen is told that a verification code was sent to the email, shown masked
    When the citizen enters the verification code received by email
    Then the citizen sees that the PIN has been changed
    And an email tells the citizen that the PIN was changed
    And the session on the other device has been closed
    And the citizen logs in with the new PIN, with nothing to do first
    And the old PIN "Vento3Lu" no longer opens a session

  @R10
  Scenario: the confirmation must equal the new PIN
    When the citizen enters the current PIN "Vento3Lu", the new PIN "Prato8Zk" and again "Prato8kZ"
    Then the change is refused because the confirmation does not match the new PIN
    And no verification code has been sent to the citizen
    And the citizen's PIN is still "Vento3Lu"

  @R12
  Scenario Outline: an easy-to-guess new PIN is refused, with the reason
    When the citizen enters the current PIN "Vento3Lu", the new PIN "<new PIN>" and again "<new PIN>"
    Then the new PIN is refused as not secure, because of "<reason>"
    And no verification code has been sent to the citizen

    Examples:
      | new PIN  | reason                 |
      | 12345678 | needs-letter-and-digit |
      | qwer7890 | sequence               |
      | Zz9Zz9Zz | few-distinct           |
      | Pass1234 | sequence               |
      | Prato8_k | charset                |
      | Sole7    | length                 |
      | Passw0rd | common                 |
      | aaa1aaa1 | repeated               |

  @R12
  Scenario: a PIN used before cannot come back
    When the citizen chooses "Prato8Zk" as the new PIN and confirms it with the code sent by email
    And the citizen logs in with the new PIN, with nothing to do first
    And the citizen enters the current PIN "Prato8Zk", the new PIN "Vento3Lu" and again "Vento3Lu"
    Then the change is refused because the PIN was used before
    And the citizen's PIN is still "Prato8Zk"

  @R12
  Scenario: the current PIN cannot be the new PIN
    When the citizen enters the current PIN "Vento3Lu", the new PIN "Vento3Lu" and again "Vento3Lu"
    Then the change is refused because the PIN was used before
    And no verification code has been sent to the citizen

  @R11
  Scenario: a wrong verification code is refused; the right one still works
    When the citizen enters the current PIN "Vento3Lu", the new PIN "Prato8Zk" and again "Prato8Zk"
    And the citizen enters a verification code other than the one received
    Then the verification code is refused as wrong, with attempts left
    When the citizen enters the verification code received by email
    Then the citizen sees that the PIN has been changed

  @R11
  Scenario: an expired verification code is refused and the PIN stays as it was
    When the citizen enters the current PIN "Vento3Lu", the new PIN "Prato8Zk" and again "Prato8Zk"
    And 16 minutes pass
    And the citizen enters the verification code received by email
    Then the verification code is refused as expired
    And the citizen's PIN is still "Vento3Lu"

  @R11
  Scenario: too many wrong verification codes end the change, and the right one comes too late
    When the citizen enters the current PIN "Vento3Lu", the new PIN "Prato8Zk" and again "Prato8Zk"
    And the citizen enters a verification code other than the one received 5 times
    And the citizen enters the verification code received by email
    Then the verification code is refused as expired
    And the citizen's PIN is still "Vento3Lu"

  @R08 @R09
  Scenario: during a block the PIN cannot be changed either, even with the right current PIN
    When the citizen logs in with the PIN but one character wrong
    And the citizen enters the current PIN "Vento3Lu", the new PIN "Prato8Zk" and again "Prato8Zk"
    Then the change is refused because access is blocked for a while
    And no verification code has been sent to the citizen

  @R09 @R08
  Scenario: a wrong current PIN counts as a wrong PIN
    When the citizen enters the current PIN "Vento3Lx", the new PIN "Prato8Zk" and again "Prato8Zk"
    Then the change is refused because the current PIN is wrong
    When the citizen logs in with the fiscal code and the PIN
    Then the citizen is told that access is blocked for another 180 seconds
