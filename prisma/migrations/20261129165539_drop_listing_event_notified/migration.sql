-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ListingEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "codes" TEXT NOT NULL DEFAULT '[]',
    "meanings" TEXT NOT NULL DEFAULT '[]',
    "txt" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jobRunId" TEXT,
    CONSTRAINT "ListingEvent_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ListingEvent" ("assetId", "at", "codes", "id", "jobRunId", "kind", "meanings", "target", "txt", "zone") SELECT "assetId", "at", "codes", "id", "jobRunId", "kind", "meanings", "target", "txt", "zone" FROM "ListingEvent";
DROP TABLE "ListingEvent";
ALTER TABLE "new_ListingEvent" RENAME TO "ListingEvent";
CREATE INDEX "ListingEvent_assetId_at_idx" ON "ListingEvent"("assetId", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
