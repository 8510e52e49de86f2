/** 企業略称 / 事業所コード typed in one box: commas (half- or full-width), 、 or spaces between them. */
export const splitCodes = (text: string): string[] => text.split(/[\s,、，]+/).map((c) => c.trim()).filter(Boolean);
