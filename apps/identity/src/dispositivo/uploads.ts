// The scans of R31 are recognised by their bytes (file-type's magic numbers), never by the name or the declared
// type: a renamed text file is not a PDF.

export const ACCEPTED_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** Per file; the two files of a request fit in twice this plus the multipart framing. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

export async function detectMediaType(bytes: Uint8Array): Promise<AcceptedMediaType | undefined> {
  // Loaded by the first upload, not by every start.
  const { fileTypeFromBuffer } = await import("file-type");
  const found = await fileTypeFromBuffer(bytes);
  return (ACCEPTED_MEDIA_TYPES as readonly string[]).includes(found?.mime ?? "")
    ? (found!.mime as AcceptedMediaType)
    : undefined;
}
