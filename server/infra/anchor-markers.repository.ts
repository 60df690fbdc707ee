import type { AnchorMarker, AnchorMarkersRepository } from '../app/ports/anchor-markers.port';
import { addIfAbsent, findById } from './cloud-documents';

/** `evidence_anchors`: `_id` is the Beijing date the anchor covers. */
export function anchorMarkersRepository(db: WxServerSdk.Database): AnchorMarkersRepository {
  const markers = () => db.collection('evidence_anchors');
  return {
    get(date) {
      return findById<AnchorMarker>(markers(), date);
    },
    async listDone(dates) {
      if (dates.length === 0) return [];
      const { data } = await markers()
        .where({ _id: db.command.in([...dates]), status: 'done' })
        .limit(1000)
        .get();
      return data as unknown as AnchorMarker[];
    },
    claim(marker) {
      return addIfAbsent(markers(), marker.date, { ...marker });
    },
    async retake(date, at, now) {
      const { stats } = await markers()
        .where({ _id: date, status: 'writing', at })
        .update({ data: { at: now } });
      return stats.updated === 1;
    },
    async complete(date, patch) {
      await markers()
        .doc(date)
        .update({ data: { ...patch, status: 'done' } });
    },
  };
}
