package io.kubesim.patch;

import org.junit.jupiter.api.Test;

import static io.kubesim.patch.Json.json;
import static io.kubesim.patch.Smp.deployment;
import static io.kubesim.patch.Smp.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** Patches shaped like the ones kubectl and the kubelet send (see KUBECTL.md §10). */
class StrategicMergePatchKubectlTest {

    private static final String WEB = """
            {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},
             'spec':{'replicas':2,'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[
               {'name':'nginx','image':'nginx:1.25','ports':[{'containerPort':80}]},
               {'name':'side','image':'busybox'}]}}}}""";

    @Test
    void setImageWithSetElementOrder() throws PatchException {
        assertThat(deployment(WEB, """
                {'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'side'}],
                 'containers':[{'image':'nginx:1.27','name':'nginx'}]}}}}""")).isEqualTo(json("""
                {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},
                 'spec':{'replicas':2,'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[
                   {'name':'nginx','image':'nginx:1.27','ports':[{'containerPort':80}]},
                   {'name':'side','image':'busybox'}]}}}}"""));
    }

    @Test
    void setImageOfTheSecondContainerKeepsItInPlace() throws PatchException {
        assertThat(pod("{'spec':{'containers':[{'name':'side','image':'busybox'},{'name':'app','image':'a:1'}]}}",
                "{'spec':{'containers':[{'image':'a:2','name':'app'}]}}"))
                .isEqualTo(json("{'spec':{'containers':[{'name':'side','image':'busybox'},{'name':'app','image':'a:2'}]}}"));
    }

    @Test
    void applyAddsContainerDeletesEnvVarAndLabel() throws PatchException {
        String original = """
                {'metadata':{'name':'web','labels':{'app':'web','tier':'fe'},
                  'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'old'}},
                 'spec':{'template':{'spec':{'containers':[{'name':'nginx','image':'nginx',
                   'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}}}}""";
        String patch = """
                {'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'new'},'labels':{'tier':null}},
                 'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'side'},{'name':'nginx'}],
                  'containers':[{'image':'busybox','name':'side'},
                   {'$setElementOrder/env':[{'name':'A'}],'env':[{'$patch':'delete','name':'B'}],'name':'nginx'}]}}}}""";
        assertThat(deployment(original, patch)).isEqualTo(json("""
                {'metadata':{'name':'web','labels':{'app':'web'},
                  'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'new'}},
                 'spec':{'template':{'spec':{'containers':[{'image':'busybox','name':'side'},
                   {'name':'nginx','image':'nginx','env':[{'name':'A','value':'1'}]}]}}}}"""));
    }

    @Test
    void applyDeletesAContainer() throws PatchException {
        assertThat(deployment(
                "{'spec':{'template':{'spec':{'containers':[{'name':'side','image':'b'},{'name':'nginx','image':'n'}]}}}}",
                """
                {'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'side'}],
                 'containers':[{'$patch':'delete','name':'nginx'}]}}}}"""))
                .isEqualTo(json("{'spec':{'template':{'spec':{'containers':[{'name':'side','image':'b'}]}}}}"));
    }

    @Test
    void containerAddedByBarePatchComesFirstAsInTheKubectlPatchDocs() throws PatchException {
        assertThat(deployment(
                "{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr','image':'nginx'}]}}}}",
                "{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr-2','image':'redis'}]}}}}"))
                .isEqualTo(json("""
                        {'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr-2','image':'redis'},
                          {'name':'patch-demo-ctr','image':'nginx'}]}}}}"""));
    }

    @Test
    void deleteDirectiveRemovesAnEnvVar() throws PatchException {
        assertThat(pod("""
                {'spec':{'containers':[{'name':'app','env':[{'name':'A','value':'1'},{'name':'B','value':'2'},
                  {'name':'C','value':'3'}]}]}}""",
                "{'spec':{'containers':[{'name':'app','env':[{'$patch':'delete','name':'B'}]}]}}"))
                .isEqualTo(json("{'spec':{'containers':[{'name':'app','env':[{'name':'A','value':'1'},{'name':'C','value':'3'}]}]}}"));
    }

    @Test
    void nullDeletesALabel() throws PatchException {
        assertThat(pod("{'metadata':{'name':'p','labels':{'app':'web','tier':'fe'}}}",
                "{'metadata':{'labels':{'tier':null,'track':'stable'}}}"))
                .isEqualTo(json("{'metadata':{'name':'p','labels':{'app':'web','track':'stable'}}}"));
    }

    @Test
    void portsMergeByContainerPortWhileTolerationsAreReplaced() throws PatchException {
        String original = """
                {'spec':{'containers':[{'name':'app','image':'i','ports':[{'containerPort':80,'name':'http'},
                  {'containerPort':443,'name':'https'}]}],
                 'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]}}""";
        String patch = """
                {'spec':{'containers':[{'name':'app','ports':[{'containerPort':8080,'name':'alt'},
                  {'containerPort':80,'protocol':'TCP'}]}],
                 'tolerations':[{'key':'c','operator':'Exists','effect':'NoSchedule'}]}}""";
        assertThat(pod(original, patch)).isEqualTo(json("""
                {'spec':{'containers':[{'name':'app','image':'i','ports':[{'containerPort':8080,'name':'alt'},
                  {'containerPort':80,'name':'http','protocol':'TCP'},{'containerPort':443,'name':'https'}]}],
                 'tolerations':[{'key':'c','operator':'Exists','effect':'NoSchedule'}]}}"""));
    }

    @Test
    void retainKeysSwitchesRollingUpdateToRecreate() throws PatchException {
        assertThat(deployment(
                "{'spec':{'replicas':1,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}}}}",
                "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate','rollingUpdate':null}}}"))
                .isEqualTo(json("{'spec':{'replicas':1,'strategy':{'type':'Recreate'}}}"));
    }

    @Test
    void retainKeysSwitchesRecreateToRollingUpdate() throws PatchException {
        assertThat(deployment("{'spec':{'strategy':{'type':'Recreate'}}}",
                "{'spec':{'strategy':{'$retainKeys':['rollingUpdate','type'],'rollingUpdate':{'maxSurge':1},'type':'RollingUpdate'}}}"))
                .isEqualTo(json("{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}"));
    }

    @Test
    void finalizersUnionThenDeleteFromPrimitiveList() throws PatchException {
        assertThat(Smp.apply("v1", "ConfigMap", "{'metadata':{'name':'c','finalizers':['a','b']}}",
                "{'metadata':{'finalizers':['b','c'],'$deleteFromPrimitiveList/finalizers':['a']}}"))
                .isEqualTo(json("{'metadata':{'name':'c','finalizers':['b','c']}}"));
    }

    @Test
    void newFinalizerFromABarePatchComesFirst() throws PatchException {
        assertThat(Smp.apply("v1", "ConfigMap", "{'metadata':{'finalizers':['a','b']}}",
                "{'metadata':{'finalizers':['c']}}"))
                .isEqualTo(json("{'metadata':{'finalizers':['c','a','b']}}"));
    }

    @Test
    void setElementOrderOrdersAPrimitiveList() throws PatchException {
        assertThat(Smp.apply("v1", "ConfigMap", "{'metadata':{'finalizers':['a','b']}}",
                "{'metadata':{'$setElementOrder/finalizers':['a','b','c'],'finalizers':['c']}}"))
                .isEqualTo(json("{'metadata':{'finalizers':['a','b','c']}}"));
    }

    @Test
    void cordonAndUncordon() throws PatchException {
        String node = "{'kind':'Node','metadata':{'name':'n1'},'spec':{'podCIDR':'10.0.0.0/24','podCIDRs':['10.0.0.0/24']}}";
        assertThat(Smp.apply("v1", "Node", node, "{'spec':{'unschedulable':true}}")).isEqualTo(json(
                "{'kind':'Node','metadata':{'name':'n1'},'spec':{'podCIDR':'10.0.0.0/24','podCIDRs':['10.0.0.0/24'],"
                        + "'unschedulable':true}}"));
        String cordoned = "{'spec':{'unschedulable':true,'taints':[{'key':'node.kubernetes.io/unschedulable','effect':'NoSchedule'}]}}";
        assertThat(Smp.apply("v1", "Node", cordoned, "{'spec':{'unschedulable':null}}")).isEqualTo(json(
                "{'spec':{'taints':[{'key':'node.kubernetes.io/unschedulable','effect':'NoSchedule'}]}}"));
    }

    @Test
    void servicePortsMergeByPortAndSelectorMergesByKey() throws PatchException {
        String service = """
                {'spec':{'selector':{'app':'web'},'ports':[{'name':'http','port':80,'protocol':'TCP','targetPort':8080},
                  {'name':'https','port':443,'protocol':'TCP','targetPort':8443}]}}""";
        assertThat(Smp.apply("v1", "Service", service,
                "{'spec':{'selector':{'tier':'fe'},'ports':[{'port':80,'targetPort':9090}]}}")).isEqualTo(json("""
                {'spec':{'selector':{'app':'web','tier':'fe'},'ports':[{'name':'http','port':80,'protocol':'TCP','targetPort':9090},
                  {'name':'https','port':443,'protocol':'TCP','targetPort':8443}]}}"""));
    }

    @Test
    void statusPatchMergesConditionsByType() throws PatchException {
        assertThat(pod("{'status':{'phase':'Pending','conditions':[{'type':'Ready','status':'False'},{'type':'PodScheduled','status':'True'}]}}",
                "{'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True'}]}}"))
                .isEqualTo(json("{'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True'},"
                        + "{'type':'PodScheduled','status':'True'}]}}"));
    }

    @Test
    void kubeletStatusPatchWithSetElementOrder() throws PatchException {
        assertThat(pod("{'status':{'conditions':[{'type':'PodScheduled','status':'True'}]}}", """
                {'status':{'$setElementOrder/conditions':[{'type':'Initialized'},{'type':'Ready'},{'type':'ContainersReady'},
                  {'type':'PodScheduled'}],
                 'conditions':[{'type':'Initialized','status':'True'},{'type':'Ready','status':'True'},
                  {'type':'ContainersReady','status':'True'}],
                 'podIPs':[{'ip':'10.1.0.5'}],'containerStatuses':[{'name':'app','ready':true}]}}"""))
                .isEqualTo(json("""
                {'status':{'conditions':[{'type':'Initialized','status':'True'},{'type':'Ready','status':'True'},
                  {'type':'ContainersReady','status':'True'},{'type':'PodScheduled','status':'True'}],
                 'podIPs':[{'ip':'10.1.0.5'}],'containerStatuses':[{'name':'app','ready':true}]}}"""));
    }

    @Test
    void rolloutRestartAddsATemplateAnnotation() throws PatchException {
        assertThat(deployment(WEB,
                "{'spec':{'template':{'metadata':{'annotations':{'kubectl.kubernetes.io/restartedAt':'2025-01-01T00:00:00Z'}}}}}"))
                .isEqualTo(json("""
                {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},
                 'spec':{'replicas':2,'template':{'metadata':{'labels':{'app':'web'},
                   'annotations':{'kubectl.kubernetes.io/restartedAt':'2025-01-01T00:00:00Z'}},'spec':{'containers':[
                   {'name':'nginx','image':'nginx:1.25','ports':[{'containerPort':80}]},
                   {'name':'side','image':'busybox'}]}}}}"""));
    }

    @Test
    void scaleReplacesReplicas() throws PatchException {
        assertThat(deployment("{'metadata':{'name':'web'},'spec':{'replicas':2}}", "{'spec':{'replicas':5}}"))
                .isEqualTo(json("{'metadata':{'name':'web'},'spec':{'replicas':5}}"));
        assertThat(Smp.apply("autoscaling/v1", "Scale", "{'spec':{'replicas':2},'status':{'replicas':2}}",
                "{'spec':{'replicas':0}}")).isEqualTo(json("{'spec':{'replicas':0},'status':{'replicas':2}}"));
    }

    @Test
    void podTemplateApplyInsideADeployment() throws PatchException {
        String original = """
                {'spec':{'template':{'spec':{'containers':[{'name':'app','image':'i','env':[{'name':'A','value':'1'}],
                   'volumeMounts':[{'name':'data','mountPath':'/data'}]}],
                  'volumes':[{'name':'data','emptyDir':{}}]}}}}""";
        String patch = """
                {'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'app'}],
                  'containers':[{'$setElementOrder/env':[{'name':'A'},{'name':'B'}],
                    '$setElementOrder/volumeMounts':[{'mountPath':'/data'},{'mountPath':'/config'}],
                    'env':[{'name':'B','value':'2'}],'name':'app','volumeMounts':[{'mountPath':'/config','name':'cfg'}]}],
                  '$setElementOrder/volumes':[{'name':'data'},{'name':'cfg'}],
                  'volumes':[{'$retainKeys':['configMap','name'],'configMap':{'name':'cm'},'name':'data'},
                   {'configMap':{'name':'cfg'},'name':'cfg'}]}}}}""";
        assertThat(deployment(original, patch)).isEqualTo(json("""
                {'spec':{'template':{'spec':{'containers':[{'name':'app','image':'i',
                   'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
                   'volumeMounts':[{'name':'data','mountPath':'/data'},{'mountPath':'/config','name':'cfg'}]}],
                  'volumes':[{'name':'data','configMap':{'name':'cm'}},{'configMap':{'name':'cfg'},'name':'cfg'}]}}}}"""));
    }

    @Test
    void ownerReferencesMergeByUid() throws PatchException {
        assertThat(Smp.apply("apps/v1", "ReplicaSet",
                "{'metadata':{'ownerReferences':[{'apiVersion':'apps/v1','kind':'Deployment','name':'a','uid':'u1'}]}}",
                "{'metadata':{'ownerReferences':[{'apiVersion':'apps/v1','kind':'Deployment','name':'b','uid':'u2'},"
                        + "{'$patch':'delete','uid':'u1'}]}}"))
                .isEqualTo(json("{'metadata':{'ownerReferences':[{'apiVersion':'apps/v1','kind':'Deployment','name':'b','uid':'u2'}]}}"));
    }

    @Test
    void nodeAddressesMergeByTypeTaintsAreReplacedPodCidrsUnion() throws PatchException {
        String node = """
                {'spec':{'podCIDRs':['10.0.0.0/24'],'taints':[{'key':'x','effect':'NoExecute'}]},
                 'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.1'},{'type':'Hostname','address':'n1'}],
                  'images':[{'names':['a']}]}}""";
        String patch = """
                {'spec':{'podCIDRs':['fd00::/64'],'taints':[{'key':'k','effect':'NoSchedule'}]},
                 'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'}],'images':[{'names':['b']}]}}""";
        assertThat(Smp.apply("v1", "Node", node, patch)).isEqualTo(json("""
                {'spec':{'podCIDRs':['fd00::/64','10.0.0.0/24'],'taints':[{'key':'k','effect':'NoSchedule'}]},
                 'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'},{'type':'Hostname','address':'n1'}],
                  'images':[{'names':['b']}]}}"""));
    }

    @Test
    void configMapDataMergesKeyByKey() throws PatchException {
        assertThat(Smp.apply("v1", "ConfigMap", "{'data':{'a':'1','b':'2'}}", "{'data':{'b':null,'c':'3'}}"))
                .isEqualTo(json("{'data':{'a':'1','c':'3'}}"));
    }

    @Test
    void unknownKindGetsMetadataOnlySchema() throws PatchException {
        assertThat(Smp.apply("example.com/v1", "Widget", "{'metadata':{'finalizers':['a']},'spec':{'items':[1,2]}}",
                "{'metadata':{'finalizers':['b']},'spec':{'items':[3]}}"))
                .isEqualTo(json("{'metadata':{'finalizers':['b','a']},'spec':{'items':[3]}}"));
    }
}
