/** The store listing's images: what `npm run store` renders and the listing test checks. */
export const storeLanguages = ['ar', 'en'] as const;
export type StoreLanguage = (typeof storeLanguages)[number];

/** Both stores take 1280×800 screenshots; the Chrome Web Store's small promotional tile is 440×280. */
export const screenshotSize = { width: 1280, height: 800 } as const;
export const tileSize = { width: 440, height: 280 } as const;

export interface StoreImage {
  /** Relative to store/images/. */
  readonly file: string;
  readonly width: number;
  readonly height: number;
}

export const pageScreenshot = (lang: StoreLanguage): string => `screenshot-page-${lang}.png`;
export const popupScreenshot = (lang: StoreLanguage): string => `screenshot-popup-${lang}.png`;
export const promoTile = 'promo-tile-440x280.png';

export const storeImages: readonly StoreImage[] = [
  ...storeLanguages.flatMap((lang) => [pageScreenshot(lang), popupScreenshot(lang)].map((file) => ({ file, ...screenshotSize }))),
  { file: promoTile, ...tileSize },
];
