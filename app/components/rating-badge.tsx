import type { RatingDto } from '@/lib/ratings/labels';

export function RatingBadge({ rating }: { rating: RatingDto }) {
  return (
    <span className="rating" style={{ backgroundColor: rating.colour }}>
      {rating.label}
    </span>
  );
}
