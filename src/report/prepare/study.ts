/**
 * A study result (`kontinuitet/study-result@1`) prepared for drawing: each variant with its
 * differences to the first, the variants that leave mandatory visits out, and the sweep's
 * points with the travel each step costs per point of contact share. Pure; every number is
 * the result's own.
 */
import type { StudyMetrics, StudyResult } from '../../study/types.ts';
import { travelPerPoint } from '../../study/tradeoff.ts';

export interface VariantRow {
  id: string;
  label: string;
  applied: string;
  metrics: StudyMetrics;
  costSek: number;
  /** Against the first variant: travel minutes and kronor more (negative: fewer). */
  travelDiff: number;
  costDiff: number;
  /** Mandatory visits left out beyond the first variant's (0 when not more). */
  leftOutMore: number;
}

export interface SweepPoint {
  value: number;
  metrics: StudyMetrics;
  costSek: number;
  /** Travel minutes per percentage point of contact share gained since the value before. */
  travelPerPoint: number | null;
}

export interface StudyModel {
  result: StudyResult;
  variants: VariantRow[];
  first: VariantRow;
  /** The variants whose plans leave mandatory visits out. */
  leftOut: VariantRow[];
  sweep: SweepPoint[];
}

export function prepareStudy(result: StudyResult): StudyModel {
  const [head] = result.variants;
  const variants = result.variants.map((v) => ({
    id: v.id,
    label: v.label,
    applied: v.applied,
    metrics: v.metrics,
    costSek: v.costSek,
    travelDiff: v.metrics.travelMinutes - head.metrics.travelMinutes,
    costDiff: v.costSek - head.costSek,
    leftOutMore: Math.max(0, v.metrics.unassignedMandatory - head.metrics.unassignedMandatory),
  }));
  const perPoint = travelPerPoint(result.sweep.map((s) => s.metrics));
  return {
    result,
    variants,
    first: variants[0],
    leftOut: variants.filter((v) => v.metrics.unassignedMandatory > 0),
    sweep: result.sweep.map((s, i) => ({ value: s.value, metrics: s.metrics, costSek: s.costSek, travelPerPoint: perPoint[i] })),
  };
}
