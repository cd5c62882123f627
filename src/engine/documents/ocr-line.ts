/**
 * What the OCR layer hands the engine: plain data, no images. Confidences are 0–1; x positions are pixels in the
 * (deskewed) image the OCR saw, used to snap MRZ characters onto their grid.
 */
export interface OcrSymbol {
  text: string;
  confidence: number;
  x0: number;
  x1: number;
}

export interface OcrLine {
  text: string;
  confidence: number;
  symbols: OcrSymbol[];
}
