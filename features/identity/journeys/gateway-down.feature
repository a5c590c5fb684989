@identity @journey
Feature: A gateway that is down delays a half of the PIN, never loses or doubles it
  Every message leaves through an outbox written together with the request; the dispatcher retries,
  with growing pauses and the same idempotency key, until the gateway answers.

  Background:
    Given the simulator is running

  @R03
  Scenario Outline: the <gateway> and the postal gateway are down while the PIN is issued, then they recover
    Given the <gateway> is down
    And the postal gateway is down
    When the citizen asks online for a PIN, with the first half by <channel>
    Then INPS accepts the request, to be activated within 90 days
    When 1 minute passes
    Then neither half has reached the citizen, and INPS keeps trying to send both
    When the <gateway> is back up
    And the postal gateway is back up
    And 10 minutes pass
    Then exactly one <channel> with the first half of the PIN has reached the citizen
    And exactly one letter with the second half is on its way to the citizen's residence
    And the two halves together make a PIN of 16 letters and digits, unique to the citizen

    Examples:
      | gateway     | channel |
      | mail server | email   |
      | SMS gateway | SMS     |

  @R03
  Scenario: a mail server that refuses the first two attempts delays the first half, which still arrives once
    Given the mail server will refuse the next 2 messages
    When the citizen asks online for a PIN, with the first half by email
    Then the first half has not reached the citizen yet, and INPS has tried to send it at least 1 time
    When 1 minute passes
    Then the first half has not reached the citizen yet, and INPS has tried to send it at least 2 times
    When 1 minute passes
    Then exactly one email with the first half of the PIN has reached the citizen
