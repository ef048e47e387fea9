/**
 * Charts as PNG images for the papers: the shared chart code's SVG (src/charts) rasterised by
 * @napi-rs/canvas (Skia), at twice the size for print. Text is set in the first of the usual sans-serif
 * families the machine has (Liberation Sans, Arial, DejaVu Sans), since Skia does not resolve "inherit".
 */
import { createCanvas, GlobalFonts, Image } from '@napi-rs/canvas';

const FAMILIES = ['Liberation Sans', 'Arial', 'Helvetica', 'DejaVu Sans', 'Noto Sans'];
let family: string | null | undefined;

function fontFamily(): string | null {
  if (family === undefined) {
    const present = new Set(GlobalFonts.families.map((entry) => entry.family));
    family = FAMILIES.find((name) => present.has(name)) ?? null;
  }
  return family;
}

export interface PngImage {
  readonly png: Buffer;
  /** The size to show it at, in pixels (CSS) / points: the SVG's own size; the PNG has `scale` times as many pixels. */
  readonly width: number;
  readonly height: number;
}

/** The SVG (with its width and height attributes) as a PNG on a white ground. */
export async function svgToPng(svg: string, scale = 2): Promise<PngImage> {
  const chosen = fontFamily();
  const source = chosen ? svg.replace(/font-family="[^"]*"/g, `font-family="${chosen}"`) : svg;
  const image = new Image();
  image.src = Buffer.from(source, 'utf8');
  const width = image.width;
  const height = image.height;
  if (!(width > 0 && height > 0)) throw new Error('The chart could not be drawn: its SVG has no size.');
  const canvas = createCanvas(Math.round(width * scale), Math.round(height * scale));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return { png: await canvas.encode('png'), width, height };
}
