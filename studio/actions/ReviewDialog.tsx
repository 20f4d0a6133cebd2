/**
 * The body of the 公开属性复核 dialog: the conclusion (维持 or 可转为主动公开) and an optional comment.
 * Choosing 可转为主动公开 says plainly that the review only records it: the change of 公开属性 is an
 * edit that goes through sign-off and release.
 */
import { Button, Card, Flex, Radio, Stack, Text, TextArea } from '@sanity/ui';
import { useState } from 'react';
import type { ReviewOutcome } from '../../core/model/vocabulary.ts';
import { DIALOG, REVIEW_DIALOG } from '../i18n.ts';

export interface ReviewDialogProps {
  prompt: string;
  busy: boolean;
  onConfirm: (outcome: ReviewOutcome, comment: string) => void;
  onCancel: () => void;
}

export function ReviewDialog({ prompt, busy, onConfirm, onCancel }: ReviewDialogProps) {
  const [outcome, setOutcome] = useState<ReviewOutcome>('keep');
  const [comment, setComment] = useState('');
  return (
    <Stack gap={4}>
      <Text size={1}>{prompt}</Text>
      <Stack gap={3}>
        {(Object.keys(REVIEW_DIALOG.outcomes) as ReviewOutcome[]).map((value) => (
          <Flex key={value} as="label" gap={3} align="center">
            <Radio name="reviewOutcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
            <Text size={1}>{REVIEW_DIALOG.outcomes[value]}</Text>
          </Flex>
        ))}
      </Stack>
      {outcome === 'proactive' ? (
        <Card padding={3} radius={2} tone="caution">
          <Text size={1}>{REVIEW_DIALOG.proactiveNote}</Text>
        </Card>
      ) : null}
      <TextArea
        rows={3}
        value={comment}
        placeholder={REVIEW_DIALOG.commentPlaceholder}
        onChange={(event) => setComment(event.currentTarget.value)}
      />
      <Flex gap={2} justify="flex-end">
        <Button mode="ghost" text={DIALOG.cancel} onClick={onCancel} disabled={busy} />
        <Button
          tone="primary"
          text={REVIEW_DIALOG.confirm}
          disabled={busy}
          loading={busy}
          onClick={() => onConfirm(outcome, comment.trim())}
        />
      </Flex>
    </Stack>
  );
}
