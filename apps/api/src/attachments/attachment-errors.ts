import { DomainError, badInput } from '@atelier/domain';

/** A refusal answered with an HTTP status other than its code's usual one (413, 415). */
export class HttpDomainError extends DomainError {
  constructor(
    readonly httpStatus: number,
    error: DomainError,
  ) {
    super(error.code, error.message, error.details);
  }
}

const formatMegabytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${bytes} bytes`;

export const fileTooLarge = (maxBytes: number) =>
  new HttpDomainError(
    413,
    badInput(
      'fileTooLarge',
      `The file is larger than the ${formatMegabytes(maxBytes)} allowed. Reduce its size and upload it again.`,
      'file',
      { maxBytes },
    ),
  );

export const fileTypeNotAllowed = () =>
  new HttpDomainError(
    415,
    badInput(
      'fileTypeNotAllowed',
      'This file type is not accepted. Upload a PNG, JPEG, GIF or WebP image, or a PDF.',
      'file',
    ),
  );

export const noFile = () =>
  badInput('noFile', 'No file was sent. Choose a file and send it in the form field named "file".', 'file');
