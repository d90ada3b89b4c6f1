-- When a received text was routed (its keyword acted on, its reply decided). A text stored but never routed
-- (the server failed between the two) is routed when the provider retries its webhook; one routed is not
-- routed again. Texts received before this column existed were routed when they came.
alter table sms_messages add column routed_at timestamptz;
update sms_messages set routed_at = created_at where direction = 'inbound';
alter table sms_messages add constraint sms_messages_routed_inbound check (routed_at is null or direction = 'inbound');
