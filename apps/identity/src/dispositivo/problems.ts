import { ProblemError } from "@inps-sim/service-kit";

export const alreadyDispositivo = () =>
  new ProblemError({
    status: 409,
    code: "already-dispositivo",
    title: "Il PIN è già dispositivo",
    detail: "This PIN is already a PIN dispositivo: there is nothing to convert.",
  });

export const requestOpen = (requestId: string) =>
  new ProblemError({
    status: 409,
    code: "dispositivo-request-open",
    title: "Esiste già una richiesta in corso",
    detail:
      "A conversion request is already open for this PIN: deliver its signed form, or wait for the decision.",
    extra: { dispositivoRequestId: requestId },
  });

export const wrongRequestState = (status: string) =>
  new ProblemError({
    status: 409,
    code: "wrong-request-state",
    title: "La richiesta non è nello stato giusto",
    detail: `The request is "${status}": this step does not apply to it.`,
    extra: { requestStatus: status },
  });

export const unsupportedMediaType = (field: string) =>
  new ProblemError({
    status: 415,
    code: "unsupported-media-type",
    title: "Formato del file non accettato",
    detail: `${field}: only PDF, PNG or JPEG files are accepted (recognised by their content). Nothing was stored.`,
    errors: [{ path: field, message: "not a PDF, PNG or JPEG file" }],
  });

export const uploadTooLarge = (limit: number) =>
  new ProblemError({
    status: 413,
    code: "too-large",
    title: "File troppo grande",
    detail: `Each file may be at most ${limit} bytes. Nothing was stored.`,
  });
