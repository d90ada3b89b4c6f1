-- The outbox worker (issue #6) writes down when it first handed a message to the provider without learning
-- the answer for sure (a request that timed out, a worker that stopped mid-request). Such a message may be
-- with the provider already: before it is sent again, the worker asks the provider for it.
alter table sms_outbox add column handed_over_at timestamptz;
