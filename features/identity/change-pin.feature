@identity
Feature: Changing the PIN (Impostazioni → Sicurezza/PIN)
  After login the citizen enters the current PIN, the new PIN and the new PIN again, and saves. A code
  sent to the registered email confirms the change; the next login uses the new PIN. The new PIN has 8
  letters and digits and is not easy to guess.

  Background:
    Given the simulator is running
    And I have an active PIN "Vento3Lu"
    And I have logged in with my PIN

  @R09 @R11
  Scenario: I change my PIN and confirm it with the code sent to my email
    When I change my PIN to "Prato8Zk", confirming "Prato8Zk"
    Then I am told a verification code was sent to my email, shown masked
    When I enter the verification code from the email
    Then I see that my PIN has been changed
    And I receive an email confirming that my PIN was changed
    And logging in with "Vento3Lu" no longer works
    When 3 minutes pass
    And I log in with "Prato8Zk"
    Then I am logged in with nothing to do first

  @R10
  Scenario: the confirmation must equal the new PIN
    When I change my PIN to "Prato8Zk", confirming "Prato8Zx"
    Then the change is refused because the confirmation does not match
    And my PIN is still "Vento3Lu"

  @R12
  Scenario Outline: an easy-to-guess PIN is refused with the reason
    When I change my PIN to "<new PIN>", confirming "<new PIN>"
    Then the change is refused as not secure because of "<reason>"

    Examples:
      | new PIN  | reason                 |
      | 12345678 | needs-letter-and-digit |
      | abcd1234 | sequence               |
      | Sole7    | length                 |
      | Passw0rd | common                 |
      | aaa1aaa1 | repeated               |

  @R12
  Scenario: my current PIN cannot be my new PIN
    When I change my PIN to "Vento3Lu", confirming "Vento3Lu"
    Then the change is refused because I used that PIN before

  @R11
  Scenario: a wrong verification code is refused, the right one still works
    When I change my PIN to "Prato8Zk", confirming "Prato8Zk"
    And I enter a wrong verification code
    Then the code is refused as wrong
    When I enter the verification code from the email
    Then I see that my PIN has been changed

  @R11
  Scenario: a verification code expires
    When I change my PIN to "Prato8Zk", confirming "Prato8Zk"
    And 16 minutes pass
    And I enter the verification code from the email
    Then the code is refused as expired
    And my PIN is still "Vento3Lu"

  @R11
  Scenario: too many wrong codes end the change
    When I change my PIN to "Prato8Zk", confirming "Prato8Zk"
    And I enter a wrong verification code 5 times
    And I enter the verification code from the email
    Then the code is refused as expired

  @R09 @R08
  Scenario: a wrong current PIN counts as a wrong PIN
    When I change my PIN giving "Vento3Lx" as my current PIN
    Then the change is refused because my current PIN is wrong
    When I log in with my PIN
    Then I am told access is blocked for about 3 more minutes
