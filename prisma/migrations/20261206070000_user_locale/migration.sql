-- The interface language each user chose (lib/i18n): "en" or "zh-CN"; NULL
-- means none chosen yet, so the browser's cookie or Accept-Language decides.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
