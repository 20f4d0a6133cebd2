/** The 主题分类 values the sample uses (all from TOPICS in core/model/vocabulary.ts). */
export const TOPIC = {
  business: '市场监管、安全生产监管\\工商',
  quality: '市场监管、安全生产监管\\质量监督',
  food: '市场监管、安全生产监管\\食品药品监管',
  safety: '市场监管、安全生产监管\\安全生产监管',
  ip: '科技、教育\\知识产权',
  trade: '商贸、海关、旅游\\国内贸易（含供销）',
  price: '国民经济管理、国有资产监管\\物价',
  disclosure: '综合政务\\政务公开',
} as const;
