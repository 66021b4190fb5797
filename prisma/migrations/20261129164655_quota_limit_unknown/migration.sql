-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Quota" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverId" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "limit" INTEGER,
    "thresholds" TEXT NOT NULL DEFAULT '[80,90,100]',
    "creditsSetAt" DATETIME,
    "exhaustedAt" DATETIME,
    "exhaustedUntil" DATETIME,
    "exhaustedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Quota_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "SmtpServer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Quota" ("createdAt", "creditsSetAt", "exhaustedAt", "exhaustedReason", "exhaustedUntil", "id", "limit", "serverId", "thresholds", "updatedAt", "window") SELECT "createdAt", "creditsSetAt", "exhaustedAt", "exhaustedReason", "exhaustedUntil", "id", "limit", "serverId", "thresholds", "updatedAt", "window" FROM "Quota";
DROP TABLE "Quota";
ALTER TABLE "new_Quota" RENAME TO "Quota";
CREATE UNIQUE INDEX "Quota_serverId_window_key" ON "Quota"("serverId", "window");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
