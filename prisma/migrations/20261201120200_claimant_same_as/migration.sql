-- Where else a claimant is identified (Wikidata, Wikipedia, an official
-- site): ClaimReview's itemReviewed.author.sameAs, so that aggregators know
-- which person or organisation made the claim. Shaped as Prisma writes a
-- String[] column (like "aliases"), so that the schema and the migrations agree.
ALTER TABLE "claimants" ADD COLUMN "same_as" TEXT[] DEFAULT ARRAY[]::TEXT[];
