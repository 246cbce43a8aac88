/** The words for an active filter live in its declaration (timeline-filters.ts). */
export { describeFilter } from '@/features/timeline/timeline-filters'
