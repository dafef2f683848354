-- The language a receiver's notifications are written in (alert summaries,
-- the "silence ended while firing" note): "en" or "zh-CN".
ALTER TABLE "AlertReceiver" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
