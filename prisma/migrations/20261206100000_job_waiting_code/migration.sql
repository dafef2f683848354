-- Why a queued job waits, as a catalogue key and its values ({code, params},
-- lib/i18n/coded-text), beside the English "waitingReason": each reader sees
-- it in their own language. NULL for reasons written before codes existed.
ALTER TABLE "Job" ADD COLUMN "waitingReasonCode" JSONB;
