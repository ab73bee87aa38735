-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('female', 'male', 'other');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('fr', 'en');

-- CreateEnum
CREATE TYPE "RelativeLink" AS ENUM ('child', 'spouse', 'parent', 'sibling', 'other');

-- CreateEnum
CREATE TYPE "HealthActorKind" AS ENUM ('practitioner', 'establishment');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('upcoming', 'confirmed', 'done', 'cancelled', 'no_show');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('prescription', 'report', 'test_result', 'letter', 'other');

-- CreateEnum
CREATE TYPE "DocumentSharedBy" AS ENUM ('patient', 'health_actor');

-- CreateEnum
CREATE TYPE "MarketingChannel" AS ENUM ('email', 'push', 'sms', 'in_app');

-- CreateEnum
CREATE TYPE "Right" AS ENUM ('access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'consent_withdrawal', 'post_mortem_directives');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('web', 'email', 'post', 'phone', 'in_person');

-- CreateEnum
CREATE TYPE "SubjectRelation" AS ENUM ('self', 'minor', 'protected_adult', 'mandate', 'heir', 'designated_person');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('received', 'awaiting_identity', 'in_progress', 'awaiting_information', 'answered', 'closed', 'withdrawn');

-- CreateEnum
CREATE TYPE "IdentityStatus" AS ENUM ('verified', 'documents_required', 'documents_submitted', 'unverified', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "PartHandler" AS ENUM ('platform', 'health_actor');

-- CreateEnum
CREATE TYPE "DeadlineRule" AS ENUM ('gdpr_art12', 'csp_l1111_7');

-- CreateEnum
CREATE TYPE "PartStatus" AS ENUM ('pending', 'awaiting_forwarding', 'forwarded', 'answered', 'refused', 'withdrawn');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('requester', 'staff', 'api', 'system');

-- CreateEnum
CREATE TYPE "ProofKind" AS ENUM ('id_document', 'parental_authority', 'guardianship_order', 'mandate', 'death_certificate', 'heir_proof', 'designation');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('dpo_agent', 'dpo_admin');

-- CreateTable
CREATE TABLE "Patient" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT true,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthName" TEXT,
    "birthDate" DATE NOT NULL,
    "birthPlace" TEXT,
    "sex" "Sex",
    "phone" TEXT,
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "lastBookingAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Relative" (
    "id" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "sex" "Sex",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Relative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientRelative" (
    "patientId" UUID NOT NULL,
    "relativeId" UUID NOT NULL,
    "link" "RelativeLink" NOT NULL,
    "legalRepresentative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PatientRelative_pkey" PRIMARY KEY ("patientId","relativeId")
);

-- CreateTable
CREATE TABLE "HealthActor" (
    "id" UUID NOT NULL,
    "kind" "HealthActorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HealthActor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "relativeId" UUID,
    "healthActorId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL,
    "motive" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "relativeId" UUID,
    "healthActorId" UUID,
    "title" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "sharedBy" "DocumentSharedBy" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "activityKey" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketingPreference" (
    "patientId" UUID NOT NULL,
    "channel" "MarketingChannel" NOT NULL,
    "optedIn" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MarketingPreference_pkey" PRIMARY KEY ("patientId","channel")
);

-- CreateTable
CREATE TABLE "RegistryVersion" (
    "version" TEXT NOT NULL,
    "activities" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistryVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "RightsRequest" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "right" "Right" NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueDate" DATE NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "registryVersion" TEXT NOT NULL,
    "identityStatus" "IdentityStatus" NOT NULL,
    "requesterFirstName" TEXT NOT NULL,
    "requesterLastName" TEXT NOT NULL,
    "requesterEmail" TEXT NOT NULL,
    "requesterPhone" TEXT,
    "subjectRelation" "SubjectRelation" NOT NULL,
    "subjectFirstName" TEXT NOT NULL,
    "subjectLastName" TEXT NOT NULL,
    "subjectBirthDate" DATE NOT NULL,
    "subjectEmail" TEXT,
    "subjectPatientId" UUID,
    "subjectRelativeId" UUID,
    "scope" JSONB NOT NULL,
    "details" JSONB NOT NULL,
    "pausedDays" INTEGER NOT NULL DEFAULT 0,
    "pausedSince" TIMESTAMPTZ(3),
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT,
    "idempotencyHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RightsRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestPart" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "handler" "PartHandler" NOT NULL,
    "healthActorId" UUID,
    "activities" TEXT[],
    "applicable" BOOLEAN NOT NULL,
    "reason" JSONB,
    "deadlineRule" "DeadlineRule" NOT NULL,
    "dueDate" DATE NOT NULL,
    "olderInformationDueDate" DATE,
    "earliestAnswerAt" TIMESTAMPTZ(3),
    "status" "PartStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RequestPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityProof" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" "ProofKind" NOT NULL,
    "storageKey" TEXT,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fileDeletedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdentityProof_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailCode" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmailCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "requestId" UUID,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalUser" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PortalUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "staffUserId" UUID NOT NULL,
    "rateWindowStart" TIMESTAMPTZ(3),
    "rateWindowCount" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Patient_email_key" ON "Patient"("email");

-- CreateIndex
CREATE INDEX "Patient_birthDate_lastName_idx" ON "Patient"("birthDate", "lastName");

-- CreateIndex
CREATE INDEX "Relative_birthDate_lastName_idx" ON "Relative"("birthDate", "lastName");

-- CreateIndex
CREATE INDEX "PatientRelative_relativeId_idx" ON "PatientRelative"("relativeId");

-- CreateIndex
CREATE INDEX "HealthActor_name_idx" ON "HealthActor"("name");

-- CreateIndex
CREATE INDEX "Appointment_patientId_startsAt_idx" ON "Appointment"("patientId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_relativeId_idx" ON "Appointment"("relativeId");

-- CreateIndex
CREATE INDEX "Appointment_healthActorId_patientId_idx" ON "Appointment"("healthActorId", "patientId");

-- CreateIndex
CREATE INDEX "Document_patientId_createdAt_idx" ON "Document"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "Document_healthActorId_patientId_idx" ON "Document"("healthActorId", "patientId");

-- CreateIndex
CREATE INDEX "Consent_patientId_activityKey_idx" ON "Consent"("patientId", "activityKey");

-- CreateIndex
CREATE UNIQUE INDEX "RightsRequest_reference_key" ON "RightsRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "RightsRequest_idempotencyKey_key" ON "RightsRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "RightsRequest_requesterEmail_createdAt_idx" ON "RightsRequest"("requesterEmail", "createdAt");

-- CreateIndex
CREATE INDEX "RightsRequest_status_dueDate_idx" ON "RightsRequest"("status", "dueDate");

-- CreateIndex
CREATE INDEX "RightsRequest_dueDate_idx" ON "RightsRequest"("dueDate");

-- CreateIndex
CREATE INDEX "RightsRequest_subjectPatientId_idx" ON "RightsRequest"("subjectPatientId");

-- CreateIndex
CREATE INDEX "RequestPart_requestId_idx" ON "RequestPart"("requestId");

-- CreateIndex
CREATE INDEX "RequestPart_healthActorId_status_dueDate_idx" ON "RequestPart"("healthActorId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_id_idx" ON "RequestEvent"("requestId", "id");

-- CreateIndex
CREATE INDEX "IdentityProof_requestId_idx" ON "IdentityProof"("requestId");

-- CreateIndex
CREATE INDEX "IdentityProof_uploadedAt_idx" ON "IdentityProof"("uploadedAt");

-- CreateIndex
CREATE INDEX "EmailCode_email_createdAt_idx" ON "EmailCode"("email", "createdAt");

-- CreateIndex
CREATE INDEX "RateLimitHit_bucket_createdAt_idx" ON "RateLimitHit"("bucket", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_requestId_idx" ON "OutboxEmail"("requestId");

-- CreateIndex
CREATE INDEX "OutboxEmail_to_createdAt_idx" ON "OutboxEmail"("to", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PortalUser_email_key" ON "PortalUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "PatientRelative" ADD CONSTRAINT "PatientRelative_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientRelative" ADD CONSTRAINT "PatientRelative_relativeId_fkey" FOREIGN KEY ("relativeId") REFERENCES "Relative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_relativeId_fkey" FOREIGN KEY ("relativeId") REFERENCES "Relative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_healthActorId_fkey" FOREIGN KEY ("healthActorId") REFERENCES "HealthActor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_relativeId_fkey" FOREIGN KEY ("relativeId") REFERENCES "Relative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_healthActorId_fkey" FOREIGN KEY ("healthActorId") REFERENCES "HealthActor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketingPreference" ADD CONSTRAINT "MarketingPreference_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_registryVersion_fkey" FOREIGN KEY ("registryVersion") REFERENCES "RegistryVersion"("version") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestPart" ADD CONSTRAINT "RequestPart_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestPart" ADD CONSTRAINT "RequestPart_healthActorId_fkey" FOREIGN KEY ("healthActorId") REFERENCES "HealthActor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityProof" ADD CONSTRAINT "IdentityProof_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
