-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "restrictedAt" TIMESTAMPTZ(3),
ADD COLUMN     "restrictionLiftNoticeAt" TIMESTAMPTZ(3),
ADD COLUMN     "restrictionReference" TEXT;
