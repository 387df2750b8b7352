import { FormattedDate } from '@/app/components/formatted-date';
import type { AuditEventDto } from '@/lib/audit/queries';

// Audit actions in words. Unknown actions (a future domain's) show as recorded.
const actionLabel: Record<string, string> = {
  'claim.create': 'Claim created',
  'claim.update': 'Claim edited',
  'claim.archive': 'Claim archived',
  'claim.in_review': 'Claim moved to review',
  'claim.publish': 'Claim published',
  'claim.back_to_draft': 'Claim back to draft (changes requested)',
  'appearance.create': 'Appearance added',
  'appearance.delete': 'Appearance removed',
  'relation.create': 'Relation added',
  'relation.delete': 'Relation removed',
  'verdict.create': 'Verdict drafted',
  'verdict.update': 'Verdict draft saved',
  'verdict.submit': 'Verdict submitted for review',
  'verdict.request_changes': 'Changes requested',
  'verdict.publish': 'Verdict published',
  'verdict.supersede': 'Verdict superseded',
  'verdict_review.create': 'Review recorded',
  'correction.create': 'Correction published',
};

export function AuditTrail({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) return <p>No recorded changes.</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Record</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <FormattedDate value={event.at} withTime />
            </td>
            <td>{event.actorName ?? 'System (seed or migration)'}</td>
            <td>
              {actionLabel[event.action] ? (
                <>
                  {actionLabel[event.action]} <span className="muted small">({event.action})</span>
                </>
              ) : (
                event.action
              )}
            </td>
            <td className="small">
              {event.entityType} <span className="muted">{event.entityId}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
