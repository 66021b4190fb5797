-- CreateTable
CREATE TABLE "SmtpServer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" TEXT NOT NULL,
    "authUser" TEXT,
    "authSecret" TEXT,
    "fromAddress" TEXT NOT NULL,
    "heloName" TEXT,
    "trustSelfSigned" BOOLEAN NOT NULL DEFAULT false,
    "scheduleCron" TEXT NOT NULL DEFAULT '0 */6 * * *',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "pausedReason" TEXT,
    "lastTest" TEXT,
    "lastTestAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SeedMailbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "imapHost" TEXT NOT NULL,
    "imapPort" INTEGER NOT NULL,
    "imapSecurity" TEXT NOT NULL,
    "imapUser" TEXT NOT NULL,
    "authMethod" TEXT NOT NULL DEFAULT 'password',
    "secret" TEXT NOT NULL,
    "trustSelfSigned" BOOLEAN NOT NULL DEFAULT false,
    "spamFolder" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastTest" TEXT,
    "lastTestAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PlacementTest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "status" TEXT NOT NULL DEFAULT 'sending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME,
    "completedAt" DATETIME,
    "summary" TEXT,
    CONSTRAINT "PlacementTest_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "SmtpServer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlacementResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "testId" TEXT NOT NULL,
    "mailboxId" TEXT,
    "mailboxAddress" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "smtpOutcome" TEXT NOT NULL DEFAULT 'pending',
    "smtpCategory" TEXT,
    "smtpStage" TEXT,
    "smtpCode" INTEGER,
    "smtpEnhancedCode" TEXT,
    "smtpText" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "sentAt" DATETIME,
    "placement" TEXT NOT NULL DEFAULT 'pending',
    "folder" TEXT,
    "tab" TEXT,
    "foundAt" DATETIME,
    "latencyMs" INTEGER,
    "authSpf" TEXT,
    "authDkim" TEXT,
    "authDmarc" TEXT,
    "authResults" TEXT,
    "egressIp" TEXT,
    "error" TEXT,
    CONSTRAINT "PlacementResult_testId_fkey" FOREIGN KEY ("testId") REFERENCES "PlacementTest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlacementResult_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "SeedMailbox" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "clientKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UsageEvent_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "SmtpServer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SeedMailbox_address_key" ON "SeedMailbox"("address");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementTest_token_key" ON "PlacementTest"("token");

-- CreateIndex
CREATE INDEX "PlacementTest_serverId_createdAt_idx" ON "PlacementTest"("serverId", "createdAt");

-- CreateIndex
CREATE INDEX "PlacementTest_status_idx" ON "PlacementTest"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementResult_messageId_key" ON "PlacementResult"("messageId");

-- CreateIndex
CREATE INDEX "PlacementResult_placement_idx" ON "PlacementResult"("placement");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementResult_testId_mailboxId_key" ON "PlacementResult"("testId", "mailboxId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageEvent_clientKey_key" ON "UsageEvent"("clientKey");

-- CreateIndex
CREATE INDEX "UsageEvent_serverId_at_idx" ON "UsageEvent"("serverId", "at");
