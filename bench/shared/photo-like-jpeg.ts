import sharp from 'sharp';

/** A photo-like JPEG: smooth gradients with a little grain (pure noise would flatter no codec). */
export async function photoLikeJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      const grain = ((x * 7919 + y * 104729) % 17) - 8;
      pixels[at] = Math.min(255, Math.max(0, (x / width) * 255 + grain));
      pixels[at + 1] = Math.min(255, Math.max(0, (y / height) * 255 + grain));
      pixels[at + 2] = Math.round(128 + 100 * Math.sin(x / 90) * Math.cos(y / 70));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}
