"""boto3 against Berth's ELBv2 (BERTH_ENDPOINT): the load_balancer_available and target_in_service
waiters, DescribeLoadBalancers by name and ARN, and ELBv2's own errors (codes without the
`Exception` suffix, HTTP 400) for what does not exist or is taken. Arguments: a load balancer ARN
and a target group ARN of it. Exits non-zero on the first failed check."""
import os
import sys

import boto3
from botocore.exceptions import ClientError

lb_arn, group_arn = sys.argv[1], sys.argv[2]
elbv2 = boto3.client('elbv2', endpoint_url=os.environ['BERTH_ENDPOINT'])


def fails_with(code, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        got = error.response['Error']['Code']
        status = error.response['ResponseMetadata']['HTTPStatusCode']
        assert got == code and status == 400, f'{call.__name__}: {got} {status}, wanted {code} 400'
        return error.response['Error']['Message']
    raise AssertionError(f'{call.__name__} succeeded, wanted {code}')


elbv2.get_waiter('load_balancer_available').wait(LoadBalancerArns=[lb_arn], WaiterConfig={'Delay': 1})
by_name = elbv2.describe_load_balancers(Names=['web-alb'])['LoadBalancers'][0]
assert by_name['LoadBalancerArn'] == lb_arn and by_name['State']['Code'] == 'active', by_name
assert by_name['DNSName'].startswith('web-alb-') and by_name['DNSName'].endswith('.elb.localhost'), by_name
listeners = elbv2.describe_listeners(LoadBalancerArn=lb_arn)['Listeners']
assert sorted(l['Port'] for l in listeners) == [8081, 8082], listeners
print(fails_with('LoadBalancerNotFound', elbv2.describe_load_balancers, Names=['nope']))
print(fails_with('TargetGroupNotFound', elbv2.describe_target_health,
                 TargetGroupArn=group_arn.replace(group_arn.rsplit('/', 1)[1], '0123456789abcdef')))
print(fails_with('DuplicateListener', elbv2.create_listener, LoadBalancerArn=lb_arn, Protocol='HTTP', Port=8081,
                 DefaultActions=[{'Type': 'fixed-response', 'FixedResponseConfig': {'StatusCode': '200'}}]))
rule = dict(ListenerArn=listeners[0]['ListenerArn'], Priority=10,
            Conditions=[{'Field': 'path-pattern', 'Values': ['/health']}],
            Actions=[{'Type': 'fixed-response', 'FixedResponseConfig': {'StatusCode': '200', 'ContentType': 'text/plain',
                                                                       'MessageBody': 'ok'}}])
elbv2.create_rule(**rule)
print(fails_with('PriorityInUse', elbv2.create_rule, **rule))
print(fails_with('ResourceInUse', elbv2.delete_target_group, TargetGroupArn=group_arn))
print('ok')
