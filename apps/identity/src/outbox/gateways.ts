// The three gateways as the dispatcher sees them: the clients' send(), so tests can pass fakes or msw-backed clients.
import {
  createMailClient,
  createPostalClient,
  createSmsClient,
  type MailClient,
  type PostalClient,
  type SmsClient,
} from "@inps-sim/clients";

export interface Gateways {
  sms: Pick<SmsClient, "send">;
  mail: Pick<MailClient, "send">;
  postal: Pick<PostalClient, "send">;
}

export function createGateways(options: {
  smsUrl: string;
  mailUrl: string;
  postalUrl: string;
  smtpHost: string;
  smtpPort: number;
  timeoutMs: number;
}): Gateways & { close(): void } {
  const mail = createMailClient({
    apiUrl: options.mailUrl,
    smtpHost: options.smtpHost,
    smtpPort: options.smtpPort,
    smtpTimeoutMs: options.timeoutMs,
    defaultFrom: "INPS <noreply@inps.it>",
  });
  return {
    sms: createSmsClient({ baseUrl: options.smsUrl }),
    postal: createPostalClient({ baseUrl: options.postalUrl }),
    mail,
    close: () => mail.close(),
  };
}
