/** Document verification rules (issue 4): pure functions over what OCR read. */
export { runAnalysis, type AnalysisKind, type AnalysisOutput, type AnalysisTask, type AnalysisTasks } from './analysis';
export { assessDocument, unreadableAssessment, type Assessment, type AssessOptions } from './assess';
export { DEFAULT_CERTIFICATE_RULES, identifyCertificate, normaliseStcwReference, type CertificateKind, type CertificateRules } from './certificate-rules';
export { icaoCheckDigit, isValidCheckDigit } from './check-digit';
export { addYearsIso, findPrintedDate, isIsoDate, mrzDateToIso, parsePrintedDate } from './dates';
export { detectDocumentType } from './detect';
export { extractLabelledFields, splitHolderName } from './labelled-fields';
export { composeTd3, gridPitch, isCleanReading, looksLikeMrzLine, MrzFormatError, pickTd3Lines, readTd3Best, SPECIMEN_STATE, stateName, TD3_LENGTH, type MrzReading } from './mrz';
export { checkMrzGlyphs, compareMrzCells, GLYPH_CHECKED_CELLS, GLYPH_MARGIN, gridCentres, isDigitOnlyCell, type GlyphComparison, type GlyphSource } from './mrz-glyph-check';
export { inkHeight, normaliseGlyph, scoreGlyph, type GreyImage } from './glyphs';
export { pageRows, textSkew } from './ink-rows';
export { placeMrz, segmentMrz, type MrzPlace, type SegmentedMrz } from './mrz-segmentation';
export { checkMrzShapes, readSegmentedMrz, SHAPE_MIN_MARGIN, templateLines, type TemplateCell, type TemplateReading } from './mrz-template-reader';
export type { OcrLine, OcrSymbol } from './ocr-line';
export type { DocumentReading } from './reading';
export * from './rules';
export { compareNames, spellings, transliterate } from './transliterate';
