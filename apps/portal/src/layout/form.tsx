/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Form parts: every input has its label, its hint and, beside it, the errors that concern it.
import type { Child, FC } from "hono/jsx";
import { CSRF_FIELD } from "../http/csrf-token.ts";
import { FORM, type FieldErrors } from "../http/field-errors.ts";

const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9]/g, "-")}`;

export const Form: FC<{
  action: string;
  csrfToken: string;
  submit: string;
  secondary?: boolean;
  multipart?: boolean;
  children?: Child;
}> = ({ action, csrfToken, submit, secondary, multipart, children }) => (
  <form method="post" action={action} novalidate enctype={multipart ? "multipart/form-data" : undefined}>
    <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
    {children}
    <button type="submit" class={secondary ? "button secondary" : "button"}>
      {submit}
    </button>
  </form>
);

/** "Label: message", unless the message already starts with the field's name (as the API's messages do). */
function summaryLine(label: string, message: string): string {
  return message.toLowerCase().startsWith(`${label.toLowerCase()}:`) ? message : `${label}: ${message}`;
}

/** The list of every error at the top of the form, each linking to its field. */
export const ErrorSummary: FC<{ errors: FieldErrors; labels: Record<string, string> }> = ({
  errors,
  labels,
}) => {
  const entries = Object.entries(errors).filter(([, messages]) => messages.length);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="errori-titolo">
      <h2 id="errori-titolo">Ci sono errori da correggere</h2>
      <ul>
        {entries.flatMap(([name, messages]) =>
          messages.map((message) => (
            <li>
              {name === FORM ? (
                message
              ) : (
                <a href={`#${idOf(name)}`}>{summaryLine(labels[name] ?? name, message)}</a>
              )}
            </li>
          )),
        )}
      </ul>
    </div>
  );
};

const FieldMessages: FC<{ name: string; messages: string[] | undefined }> = ({ name, messages }) =>
  messages?.length ? (
    <p class="field-error" id={`${idOf(name)}-errore`}>
      {messages.map((m) => (
        <span>{m} </span>
      ))}
    </p>
  ) : null;

export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "password" | "email" | "tel" | "date" | "file";
  /** For a file: the types offered in the browser's picker (the service checks the content anyway). */
  accept?: string;
  value?: string | undefined;
  errors: FieldErrors;
  autocomplete?: string;
  inputmode?: "numeric" | "text" | "email" | "tel";
  maxlength?: number;
  required?: boolean;
}

export const Field: FC<FieldProps> = (p) => {
  const id = idOf(p.name);
  const messages = p.errors[p.name];
  const described = [p.hint ? `${id}-aiuto` : "", messages?.length ? `${id}-errore` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={messages?.length ? "field has-error" : "field"}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-aiuto`}>
          {p.hint}
        </p>
      ) : null}
      <FieldMessages name={p.name} messages={messages} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.type === "password" || p.type === "file" ? undefined : p.value}
        accept={p.accept}
        autocomplete={p.autocomplete ?? "off"}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        required={p.required}
        aria-invalid={messages?.length ? "true" : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
};

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export const Radios: FC<{
  name: string;
  legend: string;
  choices: Choice[];
  value?: string | undefined;
  errors: FieldErrors;
}> = (p) => (
  <Group name={p.name} legend={p.legend} errors={p.errors}>
    {p.choices.map((choice, i) => (
      <div class="choice">
        <input
          type="radio"
          id={`${idOf(p.name)}-${i}`}
          name={p.name}
          value={choice.value}
          checked={p.value === choice.value}
        />
        <label for={`${idOf(p.name)}-${i}`}>
          {choice.label}
          {choice.hint ? <span class="hint">{choice.hint}</span> : null}
        </label>
      </div>
    ))}
  </Group>
);

/** A fieldset whose own errors (a path naming the group, e.g. `contacts`) appear under its legend. */
export const Group: FC<{
  name: string;
  legend: string;
  errors: FieldErrors;
  hint?: string;
  children?: Child;
}> = (p) => (
  <fieldset id={idOf(p.name)} class={p.errors[p.name]?.length ? "has-error" : undefined}>
    <legend>{p.legend}</legend>
    {p.hint ? <p class="hint">{p.hint}</p> : null}
    <FieldMessages name={p.name} messages={p.errors[p.name]} />
    {p.children}
  </fieldset>
);
