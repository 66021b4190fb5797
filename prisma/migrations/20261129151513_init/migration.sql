-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "display" TEXT,
    "label" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Zone" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "definition" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'catalog',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "weight" REAL NOT NULL DEFAULT 1,
    "dailyBudget" INTEGER,
    "budgetDay" TEXT,
    "budgetUsed" INTEGER NOT NULL DEFAULT 0,
    "health" TEXT NOT NULL DEFAULT 'unknown',
    "healthReason" TEXT,
    "healthCheckedAt" DATETIME,
    "failedSweeps" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Listing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "lastVerdict" TEXT NOT NULL,
    "lastReason" TEXT,
    "codes" TEXT NOT NULL DEFAULT '[]',
    "meanings" TEXT NOT NULL DEFAULT '[]',
    "txt" TEXT,
    "since" DATETIME NOT NULL,
    "firstListedAt" DATETIME,
    "lastCheckedAt" DATETIME NOT NULL,
    "cleanStreak" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Listing_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ListingEvent" (
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
    "notifiedAt" DATETIME,
    "notifyError" TEXT,
    CONSTRAINT "ListingEvent_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssetZoneCheck" (
    "assetId" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "notListed" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "notApplicable" INTEGER NOT NULL DEFAULT 0,
    "zoneReason" TEXT,
    "zoneDetail" TEXT,

    PRIMARY KEY ("assetId", "zone"),
    CONSTRAINT "AssetZoneCheck_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssetCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jobRunId" TEXT,
    "listed" INTEGER NOT NULL,
    "notListed" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "notApplicable" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AssetCheck_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "slot" DATETIME NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'schedule',
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Asset_value_key" ON "Asset"("value");

-- CreateIndex
CREATE INDEX "Listing_zone_idx" ON "Listing"("zone");

-- CreateIndex
CREATE INDEX "Listing_state_idx" ON "Listing"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Listing_assetId_target_zone_key" ON "Listing"("assetId", "target", "zone");

-- CreateIndex
CREATE INDEX "ListingEvent_assetId_at_idx" ON "ListingEvent"("assetId", "at");

-- CreateIndex
CREATE INDEX "ListingEvent_notifiedAt_idx" ON "ListingEvent"("notifiedAt");

-- CreateIndex
CREATE INDEX "AssetCheck_assetId_at_idx" ON "AssetCheck"("assetId", "at");

-- CreateIndex
CREATE INDEX "JobRun_jobId_startedAt_idx" ON "JobRun"("jobId", "startedAt");

-- CreateIndex
CREATE INDEX "JobRun_status_idx" ON "JobRun"("status");
