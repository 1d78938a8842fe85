import type { RegistryError } from '../behaviour/index.js';
import { soapDialect } from '../behaviour/index.js';

export const populationNamespace = 'http://dancuquocgia.bca';

/** The registry's error codes, carried in `LoiDichVu/MaLoi` of a SOAP Fault. */
export const populationErrorCodes = {
  authenticationFailed: 'XAC_THUC_THAT_BAI',
  quotaExceeded: 'VUOT_HAN_MUC',
  notFound: 'KHONG_TIM_THAY',
  invalidInput: 'DU_LIEU_KHONG_HOP_LE',
  internal: 'LOI_HE_THONG',
} as const;

export class PopulationRegistryError extends Error implements RegistryError {
  constructor(
    readonly code: (typeof populationErrorCodes)[keyof typeof populationErrorCodes],
    message: string,
  ) {
    super(message);
    this.name = 'PopulationRegistryError';
  }
}

export const populationDialect = soapDialect({
  namespace: populationNamespace,
  detailElement: 'LoiDichVu',
  codeElement: 'MaLoi',
  messageElement: 'MoTa',
  clientCodes: [
    populationErrorCodes.authenticationFailed,
    populationErrorCodes.quotaExceeded,
    populationErrorCodes.notFound,
    populationErrorCodes.invalidInput,
  ],
});

export const quotaExceededError: RegistryError = {
  code: populationErrorCodes.quotaExceeded,
  message: 'Vượt hạn mức số yêu cầu cho phép trên giây',
};

export const internalError: RegistryError = {
  code: populationErrorCodes.internal,
  message: 'Lỗi hệ thống, vui lòng thử lại sau',
};
