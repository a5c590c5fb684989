// Where the CLI finds the stack: the identity service's URL and the control-plane token, the rest from GET /__sim/stack.
import {
  createIdentityClient,
  createMailClient,
  createPostalClient,
  createSmsClient,
  type IdentityClient,
  type MailClient,
  type PostalClient,
  type SmsClient,
} from "@inps-sim/clients";

export interface ConnectionOptions {
  url: string;
  token: string;
}

export interface StackDirectory {
  services: {
    identity: string;
    sms: string;
    mail: { http: string; smtp: string };
    postal: string;
    portal: string | null;
  };
  operatorToken?: string;
}

export class CliError extends Error {}

/** A control-plane call; a refusal becomes a sentence a person can act on. */
export async function control<T>(
  options: ConnectionOptions,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    throw new CliError(
      `${url} does not answer (${(error as Error).message}): is the stack running? (npx inps-sim start)`,
    );
  }
  const text = await res.text();
  if (res.status === 401)
    throw new CliError(
      `${url} refused the token: pass --token or set SIM_ADMIN_TOKEN to the one the stack printed`,
    );
  if (!res.ok) throw new CliError(`${method} ${url} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export interface Connected {
  options: ConnectionOptions;
  directory: StackDirectory;
  identity: IdentityClient;
  sms: SmsClient;
  mail: MailClient;
  postal: PostalClient;
}

export async function connect(options: ConnectionOptions): Promise<Connected> {
  const url = options.url.replace(/\/+$/, "");
  const directory = await control<StackDirectory>(options, "GET", `${url}/__sim/stack`);
  const smtp = new URL(directory.services.mail.smtp);
  return {
    options: { ...options, url },
    directory,
    identity: createIdentityClient({ baseUrl: url, adminToken: options.token }),
    sms: createSmsClient({ baseUrl: directory.services.sms }),
    mail: createMailClient({
      apiUrl: directory.services.mail.http,
      smtpHost: smtp.hostname,
      smtpPort: Number(smtp.port),
    }),
    postal: createPostalClient({ baseUrl: directory.services.postal, adminToken: options.token }),
  };
}
