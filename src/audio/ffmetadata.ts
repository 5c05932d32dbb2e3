/** A chapter for ID3v2 CHAP frames: where it starts and what it is called. */
export interface DeliveryChapter {
  startSeconds: number;
  title: string;
}

/** ffmpeg's metadata file format, chapters only; each chapter ends where the next one starts. */
export function ffmetadata(chapters: DeliveryChapter[], durationSeconds: number): string {
  const sorted = [...chapters].sort((a, b) => a.startSeconds - b.startSeconds);
  const escapeValue = (text: string) => text.replace(/[\\=;#\n]/g, (c) => `\\${c}`);
  const sections = sorted.map((chapter, i) => {
    const start = Math.round(chapter.startSeconds * 1000);
    const next = sorted[i + 1]?.startSeconds ?? durationSeconds;
    const end = Math.max(start + 1, Math.round(next * 1000));
    return `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${start}\nEND=${end}\ntitle=${escapeValue(chapter.title)}\n`;
  });
  return `;FFMETADATA1\n${sections.join('')}`;
}
