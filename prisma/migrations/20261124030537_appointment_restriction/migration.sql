-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "restrictedAt" TIMESTAMPTZ(3);
